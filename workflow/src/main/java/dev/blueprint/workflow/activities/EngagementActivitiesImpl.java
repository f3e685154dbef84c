package dev.blueprint.workflow.activities;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.blueprint.core.generate.Generator;
import dev.blueprint.core.generate.GeneratorOptions;
import dev.blueprint.core.io.FileMutex;
import dev.blueprint.core.load.BlueprintMapper;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.workflow.activities.StepHooks.Phase;
import dev.blueprint.workflow.api.EngagementActivities;
import dev.blueprint.workflow.api.EngagementInput;
import dev.blueprint.workflow.api.Finding;
import dev.blueprint.workflow.api.Step;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps, on real files. Each step checks what is already on disk, and writes through temporary
 * files and moves, so that a retry after a crash finds either nothing or the finished result.
 */
public final class EngagementActivitiesImpl implements EngagementActivities {

  private static final Logger log = LoggerFactory.getLogger(EngagementActivitiesImpl.class);

  /** Made once: copying the mapper for every review cost more than writing the findings. */
  private static final ObjectWriter FINDINGS_JSON =
      BlueprintMapper.json().writer().with(SerializationFeature.INDENT_OUTPUT);

  private final Workspace workspace;
  private final EngagementPorts ports;
  private final StepHooks hooks;
  private final ValidBlueprints valid = new ValidBlueprints();

  public EngagementActivitiesImpl(Workspace workspace, EngagementPorts ports, StepHooks hooks) {
    this.workspace = workspace;
    this.ports = ports;
    this.hooks = hooks;
  }

  public Workspace workspace() {
    return workspace;
  }

  // ---- intake ----------------------------------------------------------------------------------

  @Override
  public String intake(String slug, String owner, String requirementsFile, String yaml) {
    hooks.at(Step.INTAKE, Phase.BEFORE);
    Path dir;
    try {
      dir = workspace.claim(slug, owner);
      Path copy = workspace.requirements(slug);
      if (!Files.isRegularFile(copy) || !Files.readString(copy).equals(yaml)) {
        Workspace.writeAtomically(copy, yaml);
      }
      Blueprint requirements = load(copy, requirementsFile);
      String id = requirements.engagement() == null ? null : requirements.engagement().id();
      if (!slug.equals(id)) {
        throw invalid(
            requirementsFile + ": engagement.id is '" + id + "', but the engagement is " + slug);
      }
    } catch (Workspace.WorkspaceTakenException e) {
      throw invalid(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    hooks.at(Step.INTAKE, Phase.AFTER);
    return dir.toString();
  }

  @Override
  public void discardWorkspace(String slug, String owner) {
    io(() -> workspace.release(slug, owner));
  }

  // ---- advice ----------------------------------------------------------------------------------

  @Override
  @SuppressWarnings("try") // the lock is held for the try block
  public String advise(String slug) {
    hooks.at(Step.ADVISE, Phase.BEFORE);
    Path adviceDir = workspace.advice(slug);
    Path proposal = workspace.blueprint(slug, 1);
    io(
        () -> {
          // one attempt at a time; what a killed one staged is removed
          try (FileMutex held = workspace.stage(slug, "advice")) {
            adviseHeld(slug, adviceDir, proposal);
          }
        });
    hooks.at(Step.ADVISE, Phase.AFTER);
    Path report = adviceDir.resolve("report.md");
    return (Files.isRegularFile(report) ? report : adviceDir).toString();
  }

  private void adviseHeld(String slug, Path adviceDir, Path proposal) throws IOException {
    if (!Files.isRegularFile(proposal)) {
      Blueprint requirements = load(workspace.requirements(slug), "requirements");
      Path staging = Files.createTempDirectory(workspace.dir(slug), ".advice-");
      try {
        Blueprint proposed = ports.advice().advise(requirements, staging);
        Path proposedFile = staging.resolve(AdvicePort.PROPOSAL);
        if (!Files.isRegularFile(proposedFile)) {
          throw new IOException("the advisor wrote no " + AdvicePort.PROPOSAL);
        }
        String text = Files.readString(proposedFile);
        Generator.deleteRecursively(adviceDir);
        Files.move(staging, adviceDir);
        Workspace.writeAtomically(proposal, text);
        if (proposed != null) {
          // the review (next, on this worker) finds it while the file holds these bytes
          valid.remember(proposal, text.getBytes(StandardCharsets.UTF_8), proposed);
        }
      } catch (ProblemException e) {
        throw invalid(e.getMessage());
      } finally {
        Generator.deleteRecursively(staging);
      }
    }
  }

  @Override
  public void discardAdvice(String slug) {
    io(
        () -> {
          Files.deleteIfExists(workspace.blueprint(slug, 1));
          Generator.deleteRecursively(workspace.advice(slug));
          deleteIfEmpty(workspace.revision(slug, 1));
        });
  }

  // ---- automated review ------------------------------------------------------------------------

  @Override
  public List<Finding> review(String slug, int revision) {
    hooks.at(Step.REVIEW, Phase.BEFORE);
    Path file = workspace.blueprint(slug, revision);
    Blueprint blueprint = load(file, "revision " + revision);
    List<Finding> findings = ports.review().review(blueprint);
    io(() -> Workspace.writeAtomically(workspace.review(slug, revision), json(findings)));
    hooks.at(Step.REVIEW, Phase.AFTER);
    return findings;
  }

  @Override
  public void discardReview(String slug, int revision) {
    io(() -> Files.deleteIfExists(workspace.review(slug, revision)));
  }

  @Override
  public void openRevision(String slug, int revision, String fileName, String blueprintYaml) {
    Path target = workspace.blueprint(slug, revision);
    io(
        () -> {
          Files.createDirectories(target.getParent());
          Path candidate = target.resolveSibling(".candidate.yaml");
          try {
            Workspace.writeAtomically(candidate, blueprintYaml);
            Blueprint amended = load(candidate, fileName);
            if (!amended.isBlueprint()) {
              throw invalid(fileName + ": has no architecture; request changes with a blueprint");
            }
            String id = amended.engagement() == null ? null : amended.engagement().id();
            if (!slug.equals(id)) {
              throw invalid(fileName + ": engagement.id is '" + id + "', not " + slug);
            }
            Files.move(candidate, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          } finally {
            Files.deleteIfExists(candidate);
            if (!Files.exists(target)) {
              Generator.deleteRecursively(target.getParent()); // a refused revision leaves nothing
            }
          }
        });
  }

  @Override
  public void discardRevision(String slug, int revision) {
    io(() -> Generator.deleteRecursively(workspace.revision(slug, revision)));
  }

  // ---- human review notifications --------------------------------------------------------------

  @Override
  public void announceReview(String slug, int revision, int findings) {
    ports.notifier().reviewOpened(slug, revision, findings);
  }

  @Override
  public void remind(String slug, int revision, int reminder, long ageMillis) {
    ports.notifier().remind(slug, revision, reminder, ageMillis);
  }

  @Override
  public void escalate(String slug, int revision, int reminders) {
    ports.notifier().escalate(slug, revision, reminders);
  }

  // ---- generate, provision, publish ------------------------------------------------------------

  @Override
  public String generate(String slug, int revision) {
    heartbeat("generate");
    hooks.at(Step.GENERATE, Phase.BEFORE);
    Blueprint blueprint = load(workspace.blueprint(slug, revision), "revision " + revision);
    Path target = workspace.generated(slug);
    io(
        () -> {
          try {
            Generator.standard()
                .generate(blueprint, target, GeneratorOptions.defaults(ports.version()));
          } catch (ProblemException e) {
            throw invalid(e.getMessage());
          }
        });
    heartbeat("generated");
    hooks.at(Step.GENERATE, Phase.AFTER);
    return target.toString();
  }

  @Override
  public void discardGenerated(String slug) {
    io(() -> Generator.deleteRecursively(workspace.generated(slug)));
  }

  @Override
  public String provision(String slug, int revision) {
    heartbeat("provision");
    hooks.at(Step.PROVISION, Phase.BEFORE);
    Blueprint blueprint = load(workspace.blueprint(slug, revision), "revision " + revision);
    String[] summary = new String[1];
    io(() -> summary[0] = ports.provision().apply(blueprint, workspace.provisionState(slug)));
    hooks.at(Step.PROVISION, Phase.AFTER);
    return summary[0];
  }

  @Override
  public String hostQueue() {
    return HostQueue.of(workspace.root());
  }

  @Override
  public void checkpoint(String slug, EngagementInput state) {
    io(() -> Checkpoints.write(workspace, slug, state));
  }

  @Override
  public Targets targets() {
    return new Targets(ports.provision().configured(), ports.publisher().pushes());
  }

  @Override
  public void deprovision(String slug) {
    io(
        () -> {
          ports.provision().undo(workspace.provisionState(slug));
          Generator.deleteRecursively(workspace.provisionState(slug));
        });
  }

  @Override
  public PublishResult publish(String slug, int revision) {
    heartbeat("publish");
    hooks.at(Step.PUBLISH, Phase.BEFORE);
    PublishPort.Published[] out = new PublishPort.Published[1];
    io(
        () ->
            out[0] =
                ports
                    .publisher()
                    .publish(
                        workspace.generated(slug),
                        workspace.repository(slug),
                        revision,
                        "Blueprint for " + slug + ", revision " + revision));
    hooks.at(Step.PUBLISH, Phase.AFTER);
    return new PublishResult(out[0].repository().toString(), out[0].commit(), out[0].remote());
  }

  @Override
  public void unpublish(String slug) {
    io(() -> ports.publisher().unpublish(workspace.repository(slug)));
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private Blueprint load(Path file, String what) {
    try {
      return valid.load(file);
    } catch (ProblemException e) {
      throw invalid(what + " is invalid:\n" + e.getMessage());
    }
  }

  /** A failure that retrying cannot fix: the engagement fails with this message. */
  static ApplicationFailure invalid(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, INVALID_INPUT);
  }

  private static String json(Object value) throws IOException {
    try {
      return FINDINGS_JSON.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IOException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void deleteIfEmpty(Path dir) throws IOException {
    if (Files.isDirectory(dir) && Workspace.isEmpty(dir)) {
      Files.delete(dir);
    }
  }

  private static void heartbeat(String detail) {
    try {
      Activity.getExecutionContext().heartbeat(detail);
    } catch (IllegalStateException e) {
      log.debug("not in an activity context: {}", detail);
    }
  }

  /** I/O work that may throw. */
  @FunctionalInterface
  private interface IoWork {
    void run() throws IOException;
  }

  private static void io(IoWork work) {
    try {
      work.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
