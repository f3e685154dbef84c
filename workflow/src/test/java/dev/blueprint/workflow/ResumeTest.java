package dev.blueprint.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.workflow.activities.Checkpoints;
import dev.blueprint.workflow.activities.EngagementActivitiesImpl;
import dev.blueprint.workflow.activities.StepHooks;
import dev.blueprint.workflow.activities.Workspace;
import dev.blueprint.workflow.api.ChangeRequest;
import dev.blueprint.workflow.api.DecisionKind;
import dev.blueprint.workflow.api.DecisionRecord;
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
import dev.blueprint.workflow.runtime.Resumer;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-memory dev server forgets everything when it stops; the checkpoints in the workspaces do
 * not: a second server resumes each unfinished engagement where it was, once.
 */
class ResumeTest {

  static final String SLUG = "clickstream-analytics";

  @TempDir Path tmp;

  DevServer server;
  WorkflowServiceStubs stubs;
  WorkflowClient client;
  EngagementWorker worker;
  Engagements engagements;

  Workspace workspace() {
    return new Workspace(tmp.resolve("engagements"));
  }

  /** A server and a worker, as `blueprint up` runs them. */
  void up() {
    server = DevServer.start(0);
    Connection c = Connection.local(server.port());
    stubs = c.stubs(Duration.ofSeconds(10));
    client = c.client(stubs);
    engagements = new Engagements(client, EngagementWorkflow.TASK_QUEUE, Duration.ofSeconds(10));
    worker =
        EngagementWorker.start(
            client,
            new EngagementActivitiesImpl(
                workspace(), TestPorts.ports(workspace(), tmp.resolve("targets")), StepHooks.NONE),
            EngagementWorker.Sticky.AUTO);
  }

  /** What a killed `up` leaves: nothing on the server side. */
  @AfterEach
  void down() {
    if (worker != null) {
      worker.shutdown(Duration.ZERO);
      stubs.shutdown();
      server.close();
      worker = null;
    }
  }

  EngagementStatus awaitReview(int revision) throws InterruptedException {
    for (int i = 0; i < 400; i++) {
      try {
        EngagementStatus s = engagements.status(SLUG);
        if (s.step() == Step.HUMAN_REVIEW
            && s.revision() == revision
            && s.reviewOpenedAtMillis() > 0) {
          return s;
        }
      } catch (EngagementException busy) {
        // the worker is running a step
      }
      Thread.sleep(50);
    }
    throw new AssertionError("never reached the review of revision " + revision);
  }

  @Test
  void aReviewWithItsCommentsAndRevisionsSurvivesTheServerAndIsResumedOnce() throws Exception {
    up();
    Path file = TestPorts.example("requirements.yaml");
    engagements.start(EngagementInput.of(SLUG, file.toString(), Files.readString(file), false));
    awaitReview(1);
    engagements.comment(SLUG, "the cache needs a second look");
    Path ws = workspace().dir(SLUG);
    String amended =
        Files.readString(ws.resolve("revisions/1/blueprint.yaml"))
            .replace("title: Web clickstream", "title: Amended web clickstream");
    engagements.requestChanges(SLUG, new ChangeRequest("amended.yaml", amended, "retitled"));
    EngagementStatus before = awaitReview(2);
    engagements.comment(SLUG, "revision 2 looks right");
    Thread.sleep(500); // the comment's checkpoint is written after the update returns
    down();

    up();
    List<Resumer.Outcome> resumed =
        new Resumer(client, EngagementWorkflow.TASK_QUEUE).resumeAll(workspace().root());
    assertEquals(1, resumed.size(), resumed.toString());
    assertTrue(resumed.get(0).resumed(), resumed.toString());
    assertTrue(resumed.get(0).message().contains("HUMAN_REVIEW (revision 2)"), resumed.toString());
    List<Resumer.Outcome> again =
        new Resumer(client, EngagementWorkflow.TASK_QUEUE).resumeAll(workspace().root());
    assertFalse(again.get(0).resumed(), "resumed once: " + again);

    EngagementStatus after = awaitReview(2);
    assertEquals(
        List.of(
            DecisionKind.COMMENT,
            DecisionKind.REQUEST_CHANGES,
            DecisionKind.COMMENT,
            DecisionKind.RESUMED),
        after.decisions().stream().map(DecisionRecord::kind).toList());
    assertEquals(before.reviewOpenedAtMillis(), after.reviewOpenedAtMillis(), "same deadlines");
    assertEquals(before.findings(), after.findings());
    assertEquals(before.registered(), after.registered());
    assertEquals(1, after.resumes());
    assertTrue(
        engagements.list().stream().anyMatch(l -> l.slug().equals(SLUG) && l.resumed()),
        "list shows it as resumed");

    engagements.approve(SLUG, "good");
    EngagementResult result = engagements.awaitResult(SLUG, Duration.ofMinutes(1));
    assertEquals(Outcome.COMPLETED, result.outcome());
    assertEquals(2, result.revision());
    assertEquals(List.of("2"), GitLog.revisions(ws.resolve("repo")));
    assertTrue(
        Checkpoints.read(ws).orElseThrow().carried().outcome().isFinal(),
        "the last checkpoint is final: nothing to resume");
    down();
    up();
    assertEquals(
        List.of(),
        new Resumer(client, EngagementWorkflow.TASK_QUEUE).resumeAll(workspace().root()));
  }

  @Test
  void aRejectionLeavesNothingToResume() throws Exception {
    up();
    Path file = TestPorts.example("requirements.yaml");
    engagements.start(EngagementInput.of(SLUG, file.toString(), Files.readString(file), false));
    awaitReview(1);
    engagements.reject(SLUG, "not now");
    assertEquals(Outcome.REJECTED, engagements.awaitResult(SLUG, Duration.ofMinutes(1)).outcome());
    assertFalse(Files.exists(workspace().dir(SLUG)));
    down();
    up();
    assertEquals(
        List.of(),
        new Resumer(client, EngagementWorkflow.TASK_QUEUE).resumeAll(workspace().root()));
  }
}
