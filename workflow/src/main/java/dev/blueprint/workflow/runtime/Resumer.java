package dev.blueprint.workflow.runtime;

import dev.blueprint.workflow.activities.Checkpoints;
import dev.blueprint.workflow.activities.Workspace;
import dev.blueprint.workflow.api.EngagementInput;
import dev.blueprint.workflow.api.EngagementStatus;
import dev.blueprint.workflow.api.EngagementWorkflow;
import dev.blueprint.workflow.api.Step;
import dev.blueprint.workflow.api.StepProgress;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Resumes, on a server that has lost them, the unfinished engagements whose checkpoints are in a
 * workspace root: each starts again from its checkpoint, with the same history, revision, findings,
 * comments, reminders and deadlines. An engagement the server still runs is left alone (its
 * workflow id is taken), so resuming twice starts nothing twice.
 */
public final class Resumer {

  /** What happened to one checkpoint. */
  public record Outcome(String slug, boolean resumed, String message) {}

  private final WorkflowClient client;
  private final String taskQueue;

  public Resumer(WorkflowClient client, String taskQueue) {
    this.client = client;
    this.taskQueue = taskQueue;
  }

  /** Resumes every unfinished engagement under {@code root}; one outcome per checkpoint found. */
  public List<Outcome> resumeAll(Path root) throws IOException {
    List<Outcome> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    List<Path> dirs;
    try (Stream<Path> s = Files.list(root)) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    Workspace workspace = new Workspace(root);
    for (Path dir : dirs) {
      Optional<EngagementInput> checkpoint;
      try {
        checkpoint = Checkpoints.read(dir);
      } catch (IOException e) {
        out.add(new Outcome(dir.getFileName().toString(), false, e.getMessage()));
        continue;
      }
      if (checkpoint.isEmpty()) {
        checkpoint = beforeFirstCheckpoint(workspace, dir);
      }
      if (checkpoint.isEmpty()) {
        continue;
      }
      Outcome o = resume(workspace, checkpoint.get());
      if (o != null) {
        out.add(o);
      }
    }
    return out;
  }

  /**
   * An engagement killed after its intake claimed the workspace and before its first checkpoint: it
   * is resumed from its start, by the same owner, with the default review policy and a human review
   * (what its start asked for is not on disk yet, and approving is never assumed).
   */
  private static Optional<EngagementInput> beforeFirstCheckpoint(Workspace workspace, Path dir)
      throws IOException {
    String slug = dir.getFileName().toString();
    String owner = workspace.owner(slug);
    if (owner == null || !Files.isRegularFile(workspace.requirements(slug))) {
      return Optional.empty();
    }
    EngagementStatus start =
        new EngagementStatus(
            slug,
            dev.blueprint.workflow.api.Outcome.RUNNING,
            Step.INTAKE,
            StepProgress.allPending(),
            1,
            0,
            List.of(),
            0,
            0,
            false,
            List.of(),
            List.of(),
            List.of(),
            null,
            null,
            0,
            owner,
            0,
            null);
    return Optional.of(
        EngagementInput.of(slug, workspace.requirements(slug).toString(), null, false)
            .checkpoint(start));
  }

  private Outcome resume(Workspace workspace, EngagementInput checkpoint) throws IOException {
    String slug = checkpoint.slug();
    EngagementStatus state = checkpoint.carried();
    if (state == null || state.outcome().isFinal()) {
      return null;
    }
    Path requirements = workspace.requirements(slug);
    if (!Files.isRegularFile(requirements)) {
      return new Outcome(
          slug, false, "not resumed: its requirements copy " + requirements + " is missing");
    }
    EngagementInput input =
        checkpoint.resume(Files.readString(requirements, StandardCharsets.UTF_8));
    EngagementWorkflow stub =
        client.newWorkflowStub(
            EngagementWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(EngagementInput.workflowId(slug))
                .setTaskQueue(taskQueue)
                .setMemo(Map.of(EngagementWorkflow.RESUMED_MEMO, state.resumes() + 1))
                .build());
    try {
      WorkflowClient.start(stub::run, input);
    } catch (WorkflowExecutionAlreadyStarted e) {
      return new Outcome(slug, false, "already running on this server");
    }
    return new Outcome(
        slug,
        true,
        "resumed at " + state.step() + " (revision " + state.revision() + ") from its checkpoint");
  }
}
