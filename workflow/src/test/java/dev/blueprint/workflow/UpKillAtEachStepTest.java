package dev.blueprint.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.workflow.activities.Checkpoints;
import dev.blueprint.workflow.api.DecisionKind;
import dev.blueprint.workflow.api.DecisionRecord;
import dev.blueprint.workflow.api.EngagementInput;
import dev.blueprint.workflow.api.EngagementResult;
import dev.blueprint.workflow.api.EngagementWorkflow;
import dev.blueprint.workflow.api.Outcome;
import dev.blueprint.workflow.api.Step;
import dev.blueprint.workflow.runtime.Connection;
import dev.blueprint.workflow.runtime.Engagements;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The in-memory {@code up} (server and worker in one process) killed with SIGKILL at each step,
 * just after the step's side effect and before the workflow recorded it, and started again on the
 * same workspace: the engagement resumes from its checkpoint (or, killed before its first one, from
 * its start) and completes once, with one workspace and one commit.
 */
class UpKillAtEachStepTest {

  static final String SLUG = "clickstream-analytics";

  @TempDir Path tmp;

  Forks forks;
  int ups;

  @BeforeEach
  void forks() {
    forks = new Forks(tmp, "512m");
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    forks.killAll();
  }

  Process up(int port, Path root, Path gate) throws IOException {
    return forks.fork(
        "up-" + ups++,
        KillableUpMain.class,
        Integer.toString(port),
        root.toString(),
        gate.toString());
  }

  static void awaitTrue(String what, Duration timeout, java.util.function.BooleanSupplier c)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (c.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException notYet) {
        // starting
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  @ParameterizedTest(name = "killed after {0}")
  @EnumSource(
      value = Step.class,
      names = {"INTAKE", "ADVISE", "REVIEW", "GENERATE", "PUBLISH"})
  void resumesAndCompletesOnce(Step step) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path root = tmp.resolve("engagements");
    Path gate = Files.createDirectories(tmp.resolve("gate"));
    Path hold = Files.createFile(gate.resolve("hold-" + step + "-AFTER"));
    Process first = up(port, root, gate);
    Connection c = Connection.local(port);
    WorkflowServiceStubs stubs = c.stubs(Duration.ofSeconds(10));
    try {
      Engagements engagements =
          new Engagements(c.client(stubs), EngagementWorkflow.TASK_QUEUE, Duration.ofSeconds(10));
      awaitTrue("the server", Duration.ofSeconds(60), () -> engagements.list() != null);
      Path file = TestPorts.example("requirements.yaml");
      engagements.start(
          EngagementInput.of(SLUG, file.toString(), Files.readString(file), step != Step.INTAKE));
      awaitTrue(
          step + " to do its work and hold",
          Duration.ofSeconds(90),
          () -> Files.exists(gate.resolve("at-" + step + "-AFTER")));
      first.destroyForcibly(); // SIGKILL: server and worker, no shutdown hook
      first.waitFor();
      Files.delete(hold);

      up(port, root, gate);
      Path log = tmp.resolve("up-1.log");
      awaitTrue(
          "the second up to resume",
          Duration.ofSeconds(60),
          () -> {
            try {
              return Files.readString(log).contains("up ready");
            } catch (IOException e) {
              return false;
            }
          });
      assertTrue(Files.readString(log).contains(SLUG + ": resumed at"), Files.readString(log));
      if (step == Step.INTAKE) {
        // killed before its first checkpoint: resumed from its start with a human review
        awaitTrue(
            "the review",
            Duration.ofSeconds(90),
            () -> engagements.status(SLUG).step() == Step.HUMAN_REVIEW);
        engagements.approve(SLUG, "after the crash");
      }
      EngagementResult result = engagements.awaitResult(SLUG, Duration.ofSeconds(120));
      assertEquals(Outcome.COMPLETED, result.outcome());
      assertTrue(
          result.decisions().stream()
              .map(DecisionRecord::kind)
              .anyMatch(DecisionKind.RESUMED::equals),
          "resumed: " + result.decisions());
      try (Stream<Path> folders = Files.list(root)) {
        assertEquals(List.of(root.resolve(SLUG)), folders.toList(), "one engagement folder");
      }
      assertEquals(List.of("1"), GitLog.revisions(root.resolve(SLUG).resolve("repo")));
      assertTrue(Checkpoints.read(root.resolve(SLUG)).orElseThrow().carried().outcome().isFinal());
    } finally {
      stubs.shutdown();
    }
  }
}
