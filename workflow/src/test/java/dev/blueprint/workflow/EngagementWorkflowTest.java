package dev.blueprint.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.workflow.activities.EngagementActivitiesImpl;
import dev.blueprint.workflow.activities.EngagementPorts;
import dev.blueprint.workflow.activities.ProvisionPort;
import dev.blueprint.workflow.activities.StepHooks.Phase;
import dev.blueprint.workflow.activities.Workspace;
import dev.blueprint.workflow.api.ChangeRequest;
import dev.blueprint.workflow.api.DecisionKind;
import dev.blueprint.workflow.api.DecisionRecord;
import dev.blueprint.workflow.api.DecisionRequest;
import dev.blueprint.workflow.api.EngagementInput;
import dev.blueprint.workflow.api.EngagementResult;
import dev.blueprint.workflow.api.EngagementStatus;
import dev.blueprint.workflow.api.EngagementWorkflow;
import dev.blueprint.workflow.api.Outcome;
import dev.blueprint.workflow.api.ReviewPolicy;
import dev.blueprint.workflow.api.Step;
import dev.blueprint.workflow.api.StepState;
import dev.blueprint.workflow.api.Tuning;
import dev.blueprint.workflow.impl.EngagementWorkflowImpl;
import dev.blueprint.workflow.runtime.DefaultPorts;
import dev.blueprint.workflow.runtime.EngagementException;
import dev.blueprint.workflow.runtime.Engagements;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engagement on Temporal's test server with time skipping, with the real step implementations
 * on real files (the advice is the example's blueprint; the provisioning target is a folder).
 */
class EngagementWorkflowTest {

  static final String SLUG = "clickstream-analytics";

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(EngagementWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  @TempDir Path tmp;

  Workspace workspace;
  Path targets;
  TestWorkflowEnvironment env;
  WorkflowClient client;
  Engagements engagements;
  FaultHooks hooks = FaultHooks.none();

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, WorkflowClient client, WorkflowOptions options) {
    this.env = env;
    this.client = client;
    this.workspace = new Workspace(tmp.resolve("engagements"));
    this.targets = tmp.resolve("kafka-cluster");
    this.engagements = new Engagements(client, options.getTaskQueue());
  }

  void startWorker(Worker worker) {
    startWorker(worker, TestPorts.ports(workspace, targets));
  }

  void startWorker(Worker worker, EngagementPorts ports) {
    worker.registerActivitiesImplementations(new EngagementActivitiesImpl(workspace, ports, hooks));
    env.start();
  }

  /** The activities the history scheduled through the server (local ones are markers). */
  List<String> scheduledActivities() {
    return client.fetchHistory(EngagementInput.workflowId(SLUG)).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName())
        .toList();
  }

  static EngagementInput input(boolean autoApprove) throws IOException {
    Path file = TestPorts.example("requirements.yaml");
    return EngagementInput.of(SLUG, file.toString(), Files.readString(file), autoApprove)
        .withTuning(new Tuning(60, 10, 3, 2_000));
  }

  Path ws() {
    return workspace.dir(SLUG);
  }

  EngagementStatus status() {
    return engagements.status(SLUG);
  }

  void awaitStep(Step step) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      if (status().step() == step) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("never reached " + step + "; at " + status().step());
  }

  EngagementResult result() throws Exception {
    return engagements.awaitResult(SLUG, Duration.ofMinutes(1));
  }

  // ---- paths -----------------------------------------------------------------------------------

  @Test
  void happyPathPublishesTheApprovedRevision(Worker worker) throws Exception {
    startWorker(worker);
    engagements.start(input(false));
    awaitStep(Step.HUMAN_REVIEW);
    EngagementStatus review = status();
    assertEquals(1, review.revision());
    assertEquals(
        review.findings().size(),
        new ObjectMapper().readTree(ws().resolve("revisions/1/review.json").toFile()).size(),
        "the open findings are the reviewer's, recorded beside the revision");
    assertEquals(StepState.DONE, review.stateOf(Step.ADVISE));
    assertTrue(Files.isRegularFile(ws().resolve("advice/report.md")));
    assertTrue(Files.isRegularFile(ws().resolve("revisions/1/blueprint.yaml")));
    assertTrue(Files.isRegularFile(ws().resolve("revisions/1/review.json")));
    Path notifications = ws().resolve("notifications.log");
    for (int i = 0; i < 100 && !Files.isRegularFile(notifications); i++) {
      Thread.sleep(50); // the announcement is an activity of its own, after the review opens
    }
    assertTrue(
        Files.readString(notifications).startsWith("review opened: revision 1"),
        "the reviewer is told at once (workflow v2)");

    DecisionRecord approved = engagements.approve(SLUG, "looks right");
    assertEquals(DecisionKind.APPROVE, approved.kind());
    EngagementResult result = result();

    assertEquals(Outcome.COMPLETED, result.outcome());
    assertEquals(List.of(), result.compensationsRun());
    Path repo = Path.of(result.paths().repository());
    assertEquals(ws().resolve("repo"), repo);
    assertEquals(List.of("1"), GitLog.revisions(repo));
    Process log =
        new ProcessBuilder("git", "-C", repo.toString(), "log", "-1", "--format=%an <%ae>")
            .redirectErrorStream(true)
            .start();
    assertEquals(
        "engagement-" + SLUG + " <" + SLUG + "@engagements.blueprint.invalid>",
        new String(log.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
            .strip(),
        "the commit is authored as the engagement");
    assertTrue(Files.isRegularFile(repo.resolve(".blueprint/generator.json")));
    assertTrue(Files.isRegularFile(ws().resolve("requirements.yaml")));
    try (Stream<Path> topics = Files.list(targets)) {
      assertTrue(topics.findAny().isPresent(), "topics were provisioned");
    }
    EngagementStatus done = status();
    assertEquals(Outcome.COMPLETED, done.outcome());
    assertEquals(Step.DONE, done.step());
    for (Step s : List.of(Step.INTAKE, Step.ADVISE, Step.REVIEW, Step.GENERATE, Step.PUBLISH)) {
      assertEquals(StepState.DONE, done.stateOf(s), s.name());
    }
    Histories.save(client, EngagementInput.workflowId(SLUG), "approved");
  }

  @Test
  void autoApproveSkipsTheHumanReview(Worker worker) throws Exception {
    startWorker(worker);
    engagements.start(input(true));
    EngagementResult result = result();
    assertEquals(Outcome.COMPLETED, result.outcome());
    assertEquals(DecisionKind.AUTO_APPROVE, result.decisions().get(0).kind());
    assertEquals(StepState.SKIPPED, status().stateOf(Step.HUMAN_REVIEW));
    assertEquals(List.of("1"), GitLog.revisions(ws().resolve("repo")));
  }

  @Test
  void withoutAProvisioningTargetProvisionIsSkipped(Worker worker) throws Exception {
    startWorker(worker, DefaultPorts.create(workspace, "test", null, ProvisionPort.NONE));
    engagements.start(input(true));
    EngagementResult result = result();
    assertEquals(Outcome.COMPLETED, result.outcome());
    EngagementStatus done = status();
    assertEquals(StepState.SKIPPED, done.stateOf(Step.PROVISION));
    assertEquals(StepState.DONE, done.stateOf(Step.GENERATE));
    assertEquals(StepState.DONE, done.stateOf(Step.PUBLISH));
    assertEquals(List.of("1"), GitLog.revisions(ws().resolve("repo")));
    assertFalse(Files.exists(ws().resolve("provision")), "nothing provisioned, no state kept");
    assertEquals(
        List.of(),
        scheduledActivities(),
        "generation and publishing without a remote are local activities, provisioning skipped");
    assertEquals(
        List.of(
            "WORKFLOW_EXECUTION_STARTED",
            "WORKFLOW_TASK_SCHEDULED",
            "WORKFLOW_TASK_STARTED",
            "WORKFLOW_TASK_COMPLETED"),
        client.fetchHistory(EngagementInput.workflowId(SLUG)).getEvents().stream()
            .map(e -> e.getEventType().name().replace("EVENT_TYPE_", ""))
            .filter(n -> !n.equals("MARKER_RECORDED") && !n.equals("WORKFLOW_EXECUTION_COMPLETED"))
            .toList(),
        "one workflow task");
    Histories.save(client, EngagementInput.workflowId(SLUG), "no-target-auto-approved");
  }

  @Test
  void withoutAProvisioningTargetAFailureCompensatesTheStepsThatRan(Worker worker)
      throws Exception {
    hooks = FaultHooks.permanent(Step.PUBLISH, Phase.BEFORE);
    startWorker(worker, DefaultPorts.create(workspace, "test", null, ProvisionPort.NONE));
    engagements.start(input(true));
    assertThrows(EngagementException.class, this::result);
    EngagementStatus s = status();
    assertEquals(Outcome.FAILED, s.outcome());
    assertEquals(
        List.of(
            "unpublish repository",
            "discard generated repository",
            "discard review of revision 1",
            "discard advice",
            "discard workspace"),
        s.compensationsRun());
    assertEquals(StepState.SKIPPED, s.stateOf(Step.PROVISION));
    assertFalse(Files.exists(ws()), "nothing left in the workspace");
  }

  @Test
  void publishingThatPushesRunsThroughTheServer(Worker worker) throws Exception {
    Path remote = tmp.resolve("remote.git");
    Process init =
        new ProcessBuilder("git", "init", "--quiet", "--bare", remote.toString())
            .redirectErrorStream(true)
            .start();
    assertEquals(0, init.waitFor());
    startWorker(
        worker, DefaultPorts.create(workspace, "test", remote.toString(), ProvisionPort.NONE));
    engagements.start(input(true));
    EngagementResult result = result();
    assertEquals(Outcome.COMPLETED, result.outcome());
    assertEquals(remote.toString(), result.paths().remote());
    assertEquals(List.of("Publish"), scheduledActivities(), "a push goes through the server");
    Process log =
        new ProcessBuilder("git", "--git-dir", remote.toString(), "log", "--format=%s", "main")
            .redirectErrorStream(true)
            .start();
    String subjects = new String(log.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, log.waitFor(), subjects);
    assertTrue(subjects.startsWith("Blueprint for " + SLUG + ", revision 1"), subjects);
  }

  @Test
  void withATargetProvisionRunsThroughTheServer(Worker worker) throws Exception {
    startWorker(worker);
    engagements.start(input(true));
    assertEquals(Outcome.COMPLETED, result().outcome());
    assertEquals(StepState.DONE, status().stateOf(Step.PROVISION));
    assertEquals(List.of("Provision"), scheduledActivities());
  }

  @Test
  void rejectionCompensatesEverythingInReverseOrder(Worker worker) throws Exception {
    startWorker(worker);
    engagements.start(input(false));
    awaitStep(Step.HUMAN_REVIEW);
    engagements.comment(SLUG, "I am not convinced by the cache");
    engagements.reject(SLUG, "the budget does not allow a second cluster");
    EngagementResult result = result();

    assertEquals(Outcome.REJECTED, result.outcome());
    assertEquals(
        List.of("discard review of revision 1", "discard advice", "discard workspace"),
        result.compensationsRun());
    assertFalse(Files.exists(ws()), "nothing left on disk");
    assertEquals(
        List.of(DecisionKind.COMMENT, DecisionKind.REJECT),
        result.decisions().stream().map(DecisionRecord::kind).toList());
    Histories.save(client, EngagementInput.workflowId(SLUG), "rejected");
  }

  @Test
  void requestChangesOpensANewRevisionThenApprovalPublishesIt(Worker worker) throws Exception {
    startWorker(worker);
    engagements.start(input(false));
    awaitStep(Step.HUMAN_REVIEW);
    String amended =
        Files.readString(TestPorts.example("blueprint.yaml"))
            .replace("title: Web clickstream", "title: Amended web clickstream");
    engagements.requestChanges(
        SLUG, new ChangeRequest("amended.yaml", amended, "renamed the engagement"));
    for (int i = 0; i < 200 && status().revision() < 2; i++) {
      Thread.sleep(50);
    }
    awaitStep(Step.HUMAN_REVIEW);
    EngagementStatus second = status();
    assertEquals(2, second.revision());
    assertEquals(2, second.reviewedRevision());
    assertTrue(Files.readString(ws().resolve("revisions/2/blueprint.yaml")).contains("Amended"));
    assertTrue(Files.isRegularFile(ws().resolve("revisions/2/review.json")));

    engagements.approve(SLUG, "");
    EngagementResult result = result();
    assertEquals(Outcome.COMPLETED, result.outcome());
    assertEquals(2, result.revision());
    Path repo = ws().resolve("repo");
    assertEquals(List.of("2"), GitLog.revisions(repo));
    assertTrue(Files.readString(repo.resolve(".blueprint/blueprint.yaml")).contains("Amended"));
    Histories.save(client, EngagementInput.workflowId(SLUG), "changes-then-approved");
  }

  @Test
  void aChangeRequestForAnotherEngagementIsRefusedBeforeItIsSent(Worker worker) throws Exception {
    startWorker(worker);
    engagements.start(input(false));
    awaitStep(Step.HUMAN_REVIEW);
    String otherEngagement =
        Files.readString(TestPorts.example("blueprint.yaml"))
            .replace("id: " + SLUG, "id: clickstream-analytics-v2");
    EngagementException e =
        assertThrows(
            EngagementException.class,
            () ->
                engagements.requestChanges(
                    SLUG, new ChangeRequest("amended.yaml", otherEngagement, "typo")));
    assertTrue(
        e.getMessage().contains("amended.yaml is for engagement 'clickstream-analytics-v2'"),
        e.getMessage());
    String invalid = "blueprint: 2\nengagement: {id: " + SLUG + ", titel: x}\n";
    EngagementException bad =
        assertThrows(
            EngagementException.class,
            () -> engagements.requestChanges(SLUG, new ChangeRequest("broken.yaml", invalid, "x")));
    assertTrue(bad.getMessage().contains("broken.yaml:2:"), bad.getMessage());
    EngagementStatus s = status();
    assertEquals(List.of(), s.decisions());
    assertEquals(1, s.revision());
    assertEquals(Step.HUMAN_REVIEW, s.step());

    engagements.approve(SLUG, "ok");
    assertEquals(Outcome.COMPLETED, result().outcome());
  }

  /**
   * A change request that reaches the engagement but cannot be opened (here it bypasses the
   * client's check) used to fail the engagement and compensate everything: workspace, advice and
   * report deleted. Now the review stays open on the same revision and says why.
   */
  @Test
  void aRevisionThatCannotBeOpenedKeepsTheReviewAndDeletesNothing(Worker worker) throws Exception {
    startWorker(worker);
    engagements.start(input(false));
    awaitStep(Step.HUMAN_REVIEW);
    Path report = ws().resolve("advice/report.md");
    assertTrue(Files.isRegularFile(report), report.toString());
    String otherEngagement =
        Files.readString(TestPorts.example("blueprint.yaml"))
            .replace("id: " + SLUG, "id: someone-else");
    client
        .newWorkflowStub(EngagementWorkflow.class, EngagementInput.workflowId(SLUG))
        .requestChanges(new ChangeRequest("amended.yaml", otherEngagement, "wrong file"));
    for (int i = 0; i < 200 && status().decisions().size() < 2; i++) {
      Thread.sleep(50);
    }
    EngagementStatus s = status();
    assertEquals(Outcome.RUNNING, s.outcome());
    assertEquals(Step.HUMAN_REVIEW, s.step());
    assertEquals(1, s.revision());
    assertEquals(
        List.of(DecisionKind.REQUEST_CHANGES, DecisionKind.REVISION_REFUSED),
        s.decisions().stream().map(DecisionRecord::kind).toList());
    assertTrue(
        s.findings().stream()
            .anyMatch(
                f ->
                    f.ruleId().equals("BP-ENG-001")
                        && f.severity().equals("HIGH")
                        && f.why().contains("someone-else")),
        s.findings().toString());
    assertEquals(List.of(), s.compensationsRun());
    assertTrue(Files.isRegularFile(report), "the advice is kept");
    assertFalse(Files.exists(ws().resolve("revisions/2")));

    // the refusal is an open HIGH finding: approving needs it accepted, with a reason
    EngagementException unaccepted =
        assertThrows(
            EngagementException.class, () -> engagements.approve(SLUG, "approving revision 1"));
    assertTrue(
        unaccepted.getMessage().contains("has open HIGH findings BP-ENG-001")
            && unaccepted.getMessage().contains("--accept"),
        unaccepted.getMessage());
    EngagementException wrong =
        assertThrows(
            EngagementException.class,
            () ->
                engagements.decide(
                    SLUG, DecisionRequest.approve(1, "why", List.of("BP-ENG-001", "RV-X-999"))));
    assertTrue(wrong.getMessage().contains("cannot accept RV-X-999"), wrong.getMessage());
    EngagementException noReason =
        assertThrows(
            EngagementException.class,
            () -> engagements.decide(SLUG, DecisionRequest.approve(1, " ", List.of("BP-ENG-001"))));
    assertTrue(noReason.getMessage().contains("needs a comment"), noReason.getMessage());
    EngagementException stale =
        assertThrows(
            EngagementException.class,
            () ->
                engagements.decide(SLUG, DecisionRequest.approve(2, "why", List.of("BP-ENG-001"))));
    assertTrue(stale.getMessage().contains("revision 2 is not under review"), stale.getMessage());
    assertEquals(2, status().decisions().size(), "refused decisions leave no trace");

    DecisionRecord approval =
        engagements.decide(
            SLUG,
            DecisionRequest.approve(
                1, "the wrong file was sent; revision 1 stands", List.of("BP-ENG-001")));
    assertTrue(
        approval
            .text()
            .startsWith(
                "the wrong file was sent; revision 1 stands; accepted HIGH"
                    + " findings: BP-ENG-001 (amended.yaml: the change request could not be opened"),
        approval.text());
    EngagementResult result = result();
    assertEquals(Outcome.COMPLETED, result.outcome());
    assertEquals(1, result.revision());
    assertEquals(approval, result.decisions().get(2));
    assertEquals(List.of("1"), GitLog.revisions(ws().resolve("repo")));
  }

  @Test
  void cancellationMidReviewCompensatesAndEndsCancelled(Worker worker) throws Exception {
    startWorker(worker);
    engagements.start(input(false));
    awaitStep(Step.HUMAN_REVIEW);
    engagements.cancel(SLUG);
    EngagementException e = assertThrows(EngagementException.class, this::result);
    assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
    EngagementStatus s = status();
    assertEquals(Outcome.CANCELLED, s.outcome());
    assertEquals(
        List.of("discard review of revision 1", "discard advice", "discard workspace"),
        s.compensationsRun());
    assertFalse(Files.exists(ws()));
  }

  @Test
  void remindersForThreeVirtualDaysThenEscalation(Worker worker) throws Exception {
    startWorker(worker);
    engagements.start(input(false).withReview(new ReviewPolicy(86_400, 3)));
    awaitStep(Step.HUMAN_REVIEW);
    env.sleep(Duration.ofDays(3).plusHours(1));
    EngagementWorkflow stub =
        client.newWorkflowStub(EngagementWorkflow.class, EngagementInput.workflowId(SLUG));
    assertEquals(3, stub.remindersSent());
    assertTrue(stub.reviewAgeMillis() >= Duration.ofDays(3).toMillis());
    EngagementStatus s = status();
    assertTrue(s.escalated());
    assertEquals(
        List.of(
            DecisionKind.REMINDER,
            DecisionKind.REMINDER,
            DecisionKind.REMINDER,
            DecisionKind.ESCALATION),
        s.decisions().stream().map(DecisionRecord::kind).toList());
    List<String> log = Files.readAllLines(ws().resolve("notifications.log"));
    assertEquals(5, log.size(), log.toString());
    assertTrue(log.get(0).startsWith("review opened"), log.get(0));
    assertTrue(log.get(4).startsWith("escalation"), log.get(4));

    engagements.approve(SLUG, "sorry, I was away");
    assertEquals(Outcome.COMPLETED, result().outcome());
    Histories.save(client, EngagementInput.workflowId(SLUG), "reminders-escalation");
  }

  @Test
  void aLongReviewContinuesAsNewCarryingItsState(Worker worker) throws Exception {
    startWorker(worker);
    WorkflowExecution first =
        engagements.start(
            input(false)
                .withReview(new ReviewPolicy(3_600, 1_000))
                .withTuning(new Tuning(60, 10, 3, 60)));
    awaitStep(Step.HUMAN_REVIEW);
    engagements.comment(SLUG, "first look: fine so far");
    env.sleep(Duration.ofHours(20));
    EngagementStatus s = status();
    assertTrue(s.runs() >= 1, "continued as new at least once, runs=" + s.runs());
    assertTrue(s.remindersSent() >= 19, "reminders carried over: " + s.remindersSent());
    assertEquals(DecisionKind.COMMENT, s.decisions().get(0).kind());
    assertEquals(Step.HUMAN_REVIEW, s.step());
    String latestRun =
        client
            .newUntypedWorkflowStub(EngagementInput.workflowId(SLUG))
            .describe()
            .getExecution()
            .getRunId();
    assertNotEquals(first.getRunId(), latestRun);

    engagements.approve(SLUG, "approved after a long wait");
    EngagementResult result = result();
    assertEquals(Outcome.COMPLETED, result.outcome());
    assertEquals(List.of("1"), GitLog.revisions(ws().resolve("repo")));
  }

  // ---- refusals --------------------------------------------------------------------------------

  @Test
  void aSecondStartOfARunningEngagementIsRefused(Worker worker) throws Exception {
    startWorker(worker);
    engagements.start(input(false));
    EngagementException e =
        assertThrows(EngagementException.class, () -> engagements.start(input(false)));
    assertTrue(e.getMessage().contains("already running"), e.getMessage());
  }

  @Test
  void updateValidatorsRefuseWithoutATraceInTheHistory(Worker worker) throws Exception {
    startWorker(worker);
    engagements.start(input(false));
    awaitStep(Step.HUMAN_REVIEW);
    EngagementException blank =
        assertThrows(EngagementException.class, () -> engagements.reject(SLUG, "  "));
    assertTrue(blank.getMessage().contains("needs a reason"), blank.getMessage());
    assertThrows(
        EngagementException.class,
        () -> engagements.requestChanges(SLUG, new ChangeRequest("x.yaml", "", "empty")));
    assertEquals(List.of(), status().decisions());
    engagements.approve(SLUG, "ok");
    result();
    EngagementException late =
        assertThrows(EngagementException.class, () -> engagements.approve(SLUG, "again"));
    assertTrue(late.getMessage().contains("has ended"), late.getMessage());
    EngagementException cancelled =
        assertThrows(EngagementException.class, () -> engagements.cancel(SLUG));
    assertTrue(
        cancelled
            .getMessage()
            .contains("cannot cancel: engagement " + SLUG + " has ended (COMPLETED)"),
        cancelled.getMessage());
    assertEquals(Outcome.COMPLETED, status().outcome());
  }

  @Test
  void invalidRequirementsFailWithoutRetryAndLeaveNothing(Worker worker) throws Exception {
    startWorker(worker);
    String broken =
        Files.readString(TestPorts.example("requirements.yaml"))
            .replace("kind: build-new", "kind: build-sideways");
    engagements.start(EngagementInput.of(SLUG, "broken.yaml", broken, false));
    EngagementException e = assertThrows(EngagementException.class, this::result);
    assertTrue(e.getMessage().contains("build-sideways"), e.getMessage());
    assertEquals(1, hooks.count(Step.INTAKE, Phase.BEFORE), "not retried");
    assertEquals(List.of("discard workspace"), status().compensationsRun());
    assertFalse(Files.exists(ws()));
  }

  // ---- fault injection -------------------------------------------------------------------------

  static final List<Step> ACTIVITY_STEPS =
      List.of(Step.INTAKE, Step.ADVISE, Step.REVIEW, Step.GENERATE, Step.PROVISION, Step.PUBLISH);

  static Stream<Arguments> everyStepBeforeAndAfter() {
    List<Arguments> out = new ArrayList<>();
    for (Step s : ACTIVITY_STEPS) {
      for (Phase p : Phase.values()) {
        out.add(Arguments.of(s, p));
      }
    }
    return out.stream();
  }

  static String label(Step s) {
    return switch (s) {
      case INTAKE -> "discard workspace";
      case ADVISE -> "discard advice";
      case REVIEW -> "discard review of revision 1";
      case GENERATE -> "discard generated repository";
      case PROVISION -> "deprovision targets";
      case PUBLISH -> "unpublish repository";
      default -> throw new IllegalArgumentException(s.name());
    };
  }

  @ParameterizedTest(name = "fault at {0} {1}")
  @MethodSource("everyStepBeforeAndAfter")
  void aFaultAtAnyStepCompensatesItAndEveryEarlierStep(Step step, Phase phase, Worker worker)
      throws Exception {
    hooks = FaultHooks.permanent(step, phase);
    startWorker(worker);
    engagements.start(input(true));
    EngagementException e = assertThrows(EngagementException.class, this::result);
    assertTrue(e.getMessage().contains("injected fault at " + step), e.getMessage());
    assertEquals(1, hooks.fired(), "a non-retryable fault is not retried");

    List<String> expected = new ArrayList<>();
    for (Step s : ACTIVITY_STEPS.subList(0, ACTIVITY_STEPS.indexOf(step) + 1)) {
      expected.add(label(s));
    }
    Collections.reverse(expected);
    EngagementStatus s = status();
    assertEquals(Outcome.FAILED, s.outcome());
    assertEquals(expected, s.compensationsRun());
    assertEquals(StepState.COMPENSATED, s.stateOf(step));
    assertFalse(Files.exists(ws()), "nothing left in the workspace");
    assertTrue(isEmptyOrMissing(targets), "nothing left in the target");
  }

  @ParameterizedTest(name = "transient fault after {0}")
  @MethodSource("activitySteps")
  void aRetryAfterTheSideEffectChangesNothing(Step step, Worker worker) throws Exception {
    hooks = FaultHooks.once(step, Phase.AFTER);
    startWorker(worker);
    engagements.start(input(true));
    EngagementResult result = result();
    assertEquals(Outcome.COMPLETED, result.outcome());
    assertEquals(2, hooks.count(step, Phase.AFTER), "the step ran twice");
    assertEquals(List.of("1"), GitLog.revisions(ws().resolve("repo")));
    try (Stream<Path> all = Files.list(ws())) {
      assertEquals(
          List.of(
              ".engagement",
              "advice",
              "checkpoint.json",
              "generated",
              "provision",
              "publish.json",
              "repo",
              "requirements.yaml",
              "revisions"),
          all.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  static Stream<Step> activitySteps() {
    return ACTIVITY_STEPS.stream();
  }

  static boolean isEmptyOrMissing(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return true;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }
}
