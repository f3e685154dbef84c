package dev.blueprint.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.workflow.activities.EngagementActivitiesImpl;
import dev.blueprint.workflow.activities.StepHooks;
import dev.blueprint.workflow.activities.Workspace;
import dev.blueprint.workflow.api.ChangeRequest;
import dev.blueprint.workflow.api.DecisionKind;
import dev.blueprint.workflow.api.DecisionRecord;
import dev.blueprint.workflow.api.DecisionRequest;
import dev.blueprint.workflow.api.EngagementInput;
import dev.blueprint.workflow.api.EngagementStatus;
import dev.blueprint.workflow.api.EngagementWorkflow;
import dev.blueprint.workflow.api.Step;
import dev.blueprint.workflow.runtime.Connection;
import dev.blueprint.workflow.runtime.DevServer;
import dev.blueprint.workflow.runtime.EngagementException;
import dev.blueprint.workflow.runtime.EngagementWorker;
import dev.blueprint.workflow.runtime.Engagements;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing waits without a deadline, and a decision whose sender gave up is never applied: on the
 * loopback dev server in real time, with the worker stopped mid-review and started again.
 */
class DecisionDeadlineTest {

  static final String SLUG = "clickstream-analytics";
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  @TempDir Path tmp;

  DevServer server;
  WorkflowServiceStubs stubs;
  WorkflowClient client;
  Engagements engagements;
  EngagementWorker worker;
  Workspace workspace;

  @BeforeEach
  void up() {
    server = DevServer.start(0);
    Connection c = Connection.local(server.port());
    stubs = c.stubs(TIMEOUT);
    client = c.client(stubs);
    engagements = new Engagements(client, EngagementWorkflow.TASK_QUEUE, TIMEOUT);
    workspace = new Workspace(tmp.resolve("engagements"));
  }

  @AfterEach
  void down() {
    if (worker != null) {
      worker.close();
    }
    stubs.shutdown();
    server.close();
  }

  void startWorker() {
    worker =
        EngagementWorker.start(
            client,
            new EngagementActivitiesImpl(
                workspace, TestPorts.ports(workspace, tmp.resolve("t")), StepHooks.NONE),
            EngagementWorker.Sticky.AUTO);
  }

  void stopWorker() {
    worker.close();
    worker = null;
  }

  void startAndAwaitReview() throws Exception {
    startWorker();
    Path file = TestPorts.example("requirements.yaml");
    engagements.start(EngagementInput.of(SLUG, file.toString(), Files.readString(file), false));
    for (int i = 0; i < 200; i++) {
      try {
        if (engagements.status(SLUG).step() == Step.HUMAN_REVIEW) {
          return;
        }
      } catch (EngagementException busy) {
        // the worker holds the first workflow task while it advises: queries wait for it
      }
      Thread.sleep(50);
    }
    throw new AssertionError("never reached the review");
  }

  @Test
  void withNoWorkerEveryCommandAnswersInTimeAndNamesTheTaskQueue() throws Exception {
    startAndAwaitReview();
    stopWorker();
    for (Runnable command :
        List.<Runnable>of(
            () -> engagements.status(SLUG),
            () -> engagements.approve(SLUG, "ok"),
            () -> engagements.reject(SLUG, "no"),
            () -> engagements.comment(SLUG, "hello"))) {
      long started = System.nanoTime();
      EngagementException e = assertThrows(EngagementException.class, command::run);
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
      assertTrue(seconds < 8, "answered after " + seconds + " s");
      assertTrue(
          e.getMessage().contains("no worker is polling task queue blueprint-engagements")
              && e.getMessage().contains("blueprint up"),
          e.getMessage());
    }
    startWorker();
    EngagementStatus s = engagements.status(SLUG);
    assertEquals(Step.HUMAN_REVIEW, s.step());
    assertEquals(List.of(), s.decisions(), "nothing was applied behind the user's back");
  }

  @Test
  void aDecisionTheClientGaveUpOnIsRefusedByTheWorkerThatTakesItLater() throws Exception {
    startAndAwaitReview();
    stopWorker();
    // a client that sent the decision and then gave up (deadline passed, or Ctrl-C): the server
    // holds the update until a worker polls
    WorkflowStub raw = client.newUntypedWorkflowStub(EngagementInput.workflowId(SLUG));
    DecisionRequest approval =
        DecisionRequest.approve(1, "ok", List.of())
            .notAfter(System.currentTimeMillis() + TIMEOUT.toMillis());
    CompletableFuture<DecisionRecord> sent =
        CompletableFuture.supplyAsync(() -> raw.update("decide", DecisionRecord.class, approval));
    Thread.sleep(TIMEOUT.toMillis() + 1500);
    startWorker();
    Exception refused =
        assertThrows(Exception.class, () -> sent.get(30, TimeUnit.SECONDS), "refused");
    assertTrue(refused.getCause() instanceof WorkflowUpdateException, refused.toString());
    assertTrue(
        rootMessage(refused).contains("the client stopped waiting for this decision"),
        rootMessage(refused));
    EngagementStatus s = engagements.status(SLUG);
    assertEquals(Step.HUMAN_REVIEW, s.step());
    assertEquals(List.of(), s.decisions());

    // the same decision within its deadline is applied
    DecisionRecord approved = engagements.approve(SLUG, "now with a worker");
    assertEquals(DecisionKind.APPROVE, approved.kind());
  }

  @Test
  void aChangeRequestLargerThanAnEngagementCarriesIsRefusedWithTheLimitNamed() throws Exception {
    startAndAwaitReview();
    // sent past the client (which loads the file and names the loader's limit itself); the
    // payload is compressed, so it reaches the validator
    String huge = "# " + "x".repeat(4 * 1024 * 1024) + "\n";
    WorkflowStub raw = client.newUntypedWorkflowStub(EngagementInput.workflowId(SLUG));
    Exception refused =
        assertThrows(
            Exception.class,
            () ->
                raw.update(
                    "decide",
                    DecisionRecord.class,
                    DecisionRequest.requestChanges(
                        1, new ChangeRequest("huge.yaml", huge, "too big"))));
    assertTrue(
        rootMessage(refused).contains("huge.yaml is 4194307 bytes")
            && rootMessage(refused).contains("up to 4194304 bytes (4 MiB"),
        rootMessage(refused));
    EngagementStatus s = engagements.status(SLUG);
    assertEquals(Step.HUMAN_REVIEW, s.step());
    assertEquals(List.of(), s.decisions(), "refused before it was accepted: no trace");
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
