package dev.blueprint.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.load.BlueprintMapper;
import dev.blueprint.core.synth.SyntheticBlueprints;
import dev.blueprint.workflow.api.ChangeRequest;
import dev.blueprint.workflow.api.DecisionRequest;
import dev.blueprint.workflow.api.EngagementInput;
import dev.blueprint.workflow.api.EngagementResult;
import dev.blueprint.workflow.api.EngagementStatus;
import dev.blueprint.workflow.api.EngagementWorkflow;
import dev.blueprint.workflow.api.Outcome;
import dev.blueprint.workflow.api.Step;
import dev.blueprint.workflow.runtime.Connection;
import dev.blueprint.workflow.runtime.DevServer;
import dev.blueprint.workflow.runtime.EngagementWorker;
import dev.blueprint.workflow.runtime.Engagements;
import dev.blueprint.workflow.runtime.NoAnswerException;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The largest blueprint the loader accepts (just under 4 MiB of YAML), sent as a change request:
 * its payloads fit Temporal's limits (they are compressed), the engagement completes with it, and
 * status answers within its deadline throughout (with "busy" while a step holds the worker).
 */
class LargeBlueprintEngagementTest {

  static final Path ROOT =
      Path.of(System.getProperty("blueprint.root", "..")).toAbsolutePath().normalize();
  static final String SLUG = "clickstream-analytics";
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path tmp;

  /** The largest synthetic blueprint for this engagement that the loader accepts. */
  static String largestAccepted() throws Exception {
    String best = null;
    for (int pipelines = 640; ; pipelines += 10) {
      String yaml =
          BlueprintMapper.yaml()
              .writeValueAsString(SyntheticBlueprints.make(pipelines, 42))
              .replaceFirst("(?m)^  id: synthetic-\\S+$", "  id: " + SLUG);
      if (yaml.getBytes(StandardCharsets.UTF_8).length > BlueprintMapper.MAX_DOCUMENT_BYTES) {
        return best;
      }
      best = yaml;
    }
  }

  @Test
  void theLargestAcceptedBlueprintAsAChangeRequestCompletes() throws Exception {
    String large = largestAccepted();
    int bytes = large.getBytes(StandardCharsets.UTF_8).length;
    assertTrue(bytes > 4_000_000, "the blueprint is " + bytes + " bytes");

    try (DevServer server = DevServer.start(0)) {
      Connection c = Connection.local(server.port());
      WorkflowServiceStubs stubs = c.stubs(TIMEOUT);
      Engagements engagements =
          new Engagements(c.client(stubs), EngagementWorkflow.TASK_QUEUE, TIMEOUT);
      EngagementWorker worker =
          EngagementWorker.start(
              c.client(stubs),
              Workers.activities(tmp.resolve("engagements")),
              EngagementWorker.Sticky.AUTO);
      AtomicBoolean done = new AtomicBoolean();
      AtomicLong slowest = new AtomicLong();
      Thread asker =
          new Thread(
              () -> {
                while (!done.get()) {
                  long started = System.nanoTime();
                  try {
                    engagements.status(SLUG);
                  } catch (NoAnswerException busy) {
                    // a long step holds the worker: said within the deadline
                  } catch (RuntimeException notYet) {
                    // not started yet
                  }
                  slowest.accumulateAndGet(System.nanoTime() - started, Math::max);
                  try {
                    Thread.sleep(200);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      try {
        Path requirements = ROOT.resolve("examples/clickstream-analytics/requirements.yaml");
        engagements.start(
            EngagementInput.of(
                SLUG, requirements.toString(), Files.readString(requirements), false));
        asker.start();
        awaitReview(engagements, 1);
        engagements.requestChanges(SLUG, new ChangeRequest("large.yaml", large, "all of it"));
        awaitReview(engagements, 2);
        // the synthetic blueprint states no SMART requirements: accepted, with the reason
        engagements.decide(
            SLUG,
            DecisionRequest.approve(
                2, "synthetic: no requirements to meet", List.of("RV-REQ-001")));
        EngagementResult result = engagements.awaitResult(SLUG, Duration.ofMinutes(10));
        assertEquals(Outcome.COMPLETED, result.outcome());
        assertEquals(2, result.revision());
      } finally {
        done.set(true);
        asker.join();
        worker.close();
        stubs.shutdown();
      }
      assertTrue(
          slowest.get() < TIMEOUT.plusSeconds(3).toNanos(),
          "status answered within its deadline, slowest " + slowest.get() / 1_000_000 + " ms");
    }
  }

  static void awaitReview(Engagements engagements, int revision) throws InterruptedException {
    for (int i = 0; i < 1200; i++) {
      try {
        EngagementStatus s = engagements.status(SLUG);
        if (s.step() == Step.HUMAN_REVIEW && s.revision() == revision) {
          return;
        }
      } catch (NoAnswerException busy) {
        // a step holds the worker
      }
      Thread.sleep(250);
    }
    throw new AssertionError("never reached the review of revision " + revision);
  }
}
