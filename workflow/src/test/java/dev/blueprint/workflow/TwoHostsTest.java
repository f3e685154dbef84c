package dev.blueprint.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.workflow.activities.EngagementActivitiesImpl;
import dev.blueprint.workflow.activities.StepHooks;
import dev.blueprint.workflow.activities.Workspace;
import dev.blueprint.workflow.api.EngagementInput;
import dev.blueprint.workflow.api.EngagementResult;
import dev.blueprint.workflow.api.EngagementStatus;
import dev.blueprint.workflow.api.EngagementWorkflow;
import dev.blueprint.workflow.api.Outcome;
import dev.blueprint.workflow.api.Step;
import dev.blueprint.workflow.runtime.Connection;
import dev.blueprint.workflow.runtime.DevServer;
import dev.blueprint.workflow.runtime.EngagementException;
import dev.blueprint.workflow.runtime.EngagementWorker;
import dev.blueprint.workflow.runtime.Engagements;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two workers with different workspace roots on one server, as two hosts: every engagement runs its
 * steps on the host that holds its workspace, and completes once even though each worker is killed
 * mid-way (in review, and again while the approved engagements generate and publish).
 */
class TwoHostsTest {

  static final int ENGAGEMENTS = 20;

  @TempDir Path tmp;

  record Host(Path root, EngagementWorker worker) {}

  Host host(WorkflowClient client, String name) {
    Path root = tmp.resolve(name);
    Workspace ws = new Workspace(root);
    return new Host(
        root,
        EngagementWorker.start(
            client,
            new EngagementActivitiesImpl(
                ws, TestPorts.ports(ws, tmp.resolve(name + "-targets")), StepHooks.NONE),
            EngagementWorker.Sticky.AUTO));
  }

  /** A kill: no grace, running steps are abandoned; then the same host starts again. */
  Host restart(WorkflowClient client, Host h, String name) {
    h.worker().shutdown(Duration.ZERO);
    return host(client, name);
  }

  @Test
  void everyEngagementCompletesOnceOnTheHostThatHoldsItsWorkspace() throws Exception {
    try (DevServer server = DevServer.start(0)) {
      Connection c = Connection.local(server.port());
      WorkflowServiceStubs stubs = c.stubs(Duration.ofSeconds(10));
      WorkflowClient client = c.client(stubs);
      Engagements engagements =
          new Engagements(client, EngagementWorkflow.TASK_QUEUE, Duration.ofSeconds(10));
      // host a alone takes the first half; then a is killed and b alone takes the second half;
      // then a comes back: both hosts hold engagements, and a's waited for it while it was down
      Host a = host(client, "host-a");
      Host b = null;
      try {
        String requirements = Files.readString(TestPorts.example("requirements.yaml"));
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < ENGAGEMENTS; i++) {
          if (i == ENGAGEMENTS / 2) {
            a.worker().shutdown(Duration.ofSeconds(5)); // host a stops (it is killed later)
            b = host(client, "host-b");
            assertNotEquals(a.worker().hostQueue(), b.worker().hostQueue());
          }
          String slug = "engagement-" + i;
          slugs.add(slug);
          engagements.start(
              EngagementInput.of(
                  slug,
                  "requirements.yaml",
                  requirements.replace("id: clickstream-analytics", "id: " + slug),
                  false));
          awaitReview(engagements, slug);
        }
        a = host(client, "host-a");
        b = restart(client, b, "host-b");
        for (String slug : slugs) {
          engagements.approve(slug, "ok");
        }
        a = restart(client, a, "host-a");
        b = restart(client, b, "host-b");
        int onA = 0;
        for (String slug : slugs) {
          EngagementResult r = engagements.awaitResult(slug, Duration.ofMinutes(3));
          assertEquals(Outcome.COMPLETED, r.outcome(), slug);
          boolean inA = Files.isDirectory(a.root().resolve(slug));
          boolean inB = Files.isDirectory(b.root().resolve(slug));
          assertTrue(inA != inB, slug + " has its workspace on exactly one host");
          Path repo = (inA ? a.root() : b.root()).resolve(slug).resolve("repo");
          assertEquals(List.of("1"), GitLog.revisions(repo), slug + ": one commit");
          onA += inA ? 1 : 0;
        }
        assertEquals(ENGAGEMENTS / 2, onA, "each engagement stayed on the host that took it");
      } finally {
        a.worker().close();
        if (b != null) {
          b.worker().close();
        }
        stubs.shutdown();
      }
    }
  }

  static void awaitReview(Engagements engagements, String slug) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      try {
        EngagementStatus s = engagements.status(slug);
        if (s.step() == Step.HUMAN_REVIEW && s.reviewOpenedAtMillis() > 0) {
          return;
        }
      } catch (EngagementException busy) {
        // starting, or a step holds the worker
      }
      Thread.sleep(100);
    }
    throw new AssertionError(slug + " never reached its review");
  }
}
