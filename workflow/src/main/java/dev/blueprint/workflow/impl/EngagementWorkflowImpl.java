package dev.blueprint.workflow.impl;

import dev.blueprint.workflow.api.ChangeRequest;
import dev.blueprint.workflow.api.Compensation;
import dev.blueprint.workflow.api.DecisionKind;
import dev.blueprint.workflow.api.DecisionRecord;
import dev.blueprint.workflow.api.DecisionRequest;
import dev.blueprint.workflow.api.EngagementActivities;
import dev.blueprint.workflow.api.EngagementInput;
import dev.blueprint.workflow.api.EngagementPaths;
import dev.blueprint.workflow.api.EngagementResult;
import dev.blueprint.workflow.api.EngagementStatus;
import dev.blueprint.workflow.api.EngagementWorkflow;
import dev.blueprint.workflow.api.Finding;
import dev.blueprint.workflow.api.Outcome;
import dev.blueprint.workflow.api.Step;
import dev.blueprint.workflow.api.StepProgress;
import dev.blueprint.workflow.api.StepState;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.ContinueAsNewOptions;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;

/**
 * The engagement. Deterministic: all I/O is in activities, time is workflow time, and the state
 * needed to resume (including the compensations the saga holds) is carried across continue-as-new.
 */
public class EngagementWorkflowImpl implements EngagementWorkflow {

  private static final Logger log = Workflow.getLogger(EngagementWorkflowImpl.class);

  /**
   * Version changes, each replay-tested against histories saved before it (see ReplayTest).
   *
   * <ul>
   *   <li>{@value #ANNOUNCE_REVIEW} 1 (workflow v2): the reviewer is told when a review opens, not
   *       only reminded a period later.
   *   <li>{@value #LOCAL_STEPS} 1 (workflow v3): intake, advice and the automated review run as
   *       local activities (see Steps#local), which saves a server round trip each.
   *   <li>{@value #LOCAL_GENERATE} 1 (workflow v4): generation runs as a local activity too (like
   *       advice it writes only into the engagement's workspace); a local activity asks what the
   *       worker's targets reach (recorded, so a replay sees the same answer): Provision is skipped
   *       when no provisioning target is configured, and Publish runs as a local activity when it
   *       pushes nowhere (it then writes only into the workspace too). With auto-approval and no
   *       targets an engagement is one workflow task.
   *   <li>{@value #KEEP_REVIEW_OPEN} 1 (workflow v5): a revision that cannot be opened no longer
   *       fails the engagement (which compensated everything, advice and history included): the
   *       review stays open on the current revision with the reason as a HIGH finding.
   *   <li>{@value #CHECKPOINT} 1 (workflow v6): the state is written to the workspace (a local
   *       activity) after every step and decision, so that {@code blueprint up} can resume the
   *       engagement when its in-memory server lost it; a decision is checkpointed before it is
   *       acted on.
   *   <li>{@value #PIN_HOST} 1 (workflow v7): an engagement started on the shared task queue moves
   *       (continue-as-new) to the task queue of the host whose worker took it, before it touches a
   *       file, so that every later step, local or not, runs where its workspace is.
   * </ul>
   */
  static final String ANNOUNCE_REVIEW = "announce-review";

  static final String KEEP_REVIEW_OPEN = "keep-review-open";

  /** The rule id of the finding that says why a change request's revision was not opened. */
  static final String REVISION_REFUSED_RULE = "BP-ENG-001";

  static final String LOCAL_STEPS = "local-steps";

  static final String LOCAL_GENERATE = "local-generate";

  static final String CHECKPOINT = "checkpoint";

  static final String PIN_HOST = "pin-host";

  /** A human decision waiting for the main loop. */
  private record Pending(DecisionKind kind, String text, ChangeRequest change) {}

  private String slug;
  private Outcome outcome = Outcome.RUNNING;
  private Step step = Step.INTAKE;
  private final List<StepProgress> steps = new ArrayList<>();
  private int revision = 1;
  private int reviewedRevision;
  private List<Finding> findings = List.of();
  private long reviewOpenedAtMillis;
  private int remindersSent;
  private boolean escalated;
  private final List<DecisionRecord> decisions = new ArrayList<>();
  private final List<Compensation> registered = new ArrayList<>();
  private final List<String> compensationsRun = new ArrayList<>();
  private EngagementPaths paths = EngagementPaths.NONE;
  private String failure;
  private int runs;
  private Pending pending;
  private String owner;
  private int resumes;
  private ChangeRequest pendingChange;
  private boolean checkpoints;
  private boolean unsaved;

  private Saga saga;
  private Steps activities;
  private EngagementInput input;

  @Override
  public EngagementResult run(EngagementInput in) {
    this.input = in;
    this.slug = in.slug();
    this.activities = new Steps(in.tuning());
    this.saga = new Saga(new Saga.Options.Builder().setParallelCompensation(false).build());
    restore(in.carried());
    pinToHost();
    try {
      checkpoints = Workflow.getVersion(CHECKPOINT, Workflow.DEFAULT_VERSION, 1) >= 1;
      if (in.resumed()) {
        resumes++;
        record(
            DecisionKind.RESUMED,
            "resumed from its checkpoint at "
                + step
                + " (revision "
                + revision
                + ") after the server that ran it stopped");
        checkpoint();
      }
      return proceed();
    } catch (ActivityFailure e) {
      if (e.getCause() instanceof CanceledFailure) {
        return cancelled();
      }
      markCurrent(StepState.FAILED, rootMessage(e));
      failure = step + " failed: " + rootMessage(e);
      compensate(Outcome.FAILED);
      throw ApplicationFailure.newNonRetryableFailure(failure, "EngagementFailed");
    } catch (CanceledFailure e) {
      return cancelled();
    }
  }

  private EngagementResult proceed() {
    EngagementActivities quick =
        Workflow.getVersion(LOCAL_STEPS, Workflow.DEFAULT_VERSION, 1) >= 1
            ? activities.local
            : activities.step;
    if (stateOf(Step.INTAKE) != StepState.DONE) {
      register(new Compensation(Step.INTAKE, 0));
      begin(Step.INTAKE);
      paths =
          paths.withWorkspace(
              quick.intake(slug, owner(), input.requirementsFile(), input.requirementsYaml()));
      end(Step.INTAKE, StepState.DONE, paths.workspace());
      checkpoint();
    }
    if (stateOf(Step.ADVISE) != StepState.DONE) {
      register(new Compensation(Step.ADVISE, 1));
      begin(Step.ADVISE);
      paths = paths.withReport(quick.advise(slug));
      end(Step.ADVISE, StepState.DONE, "revision 1 proposed");
      checkpoint();
    }
    if (stateOf(Step.HUMAN_REVIEW) == StepState.DONE
        && lastHumanDecision() == DecisionKind.REJECT) {
      // resumed after the rejection was taken, before its compensations finished
      compensate(Outcome.REJECTED);
      return result();
    }
    while (decisionOpen()) {
      if (reviewedRevision < revision) {
        register(new Compensation(Step.REVIEW, revision));
        begin(Step.REVIEW);
        findings = quick.review(slug, revision);
        reviewedRevision = revision;
        end(Step.REVIEW, StepState.DONE, findingsNote());
        checkpoint();
      }
      if (input.autoApprove()) {
        record(DecisionKind.AUTO_APPROVE, "approved without a human review (--auto-approve)");
        end(Step.HUMAN_REVIEW, StepState.SKIPPED, "auto-approved");
        checkpoint();
        break;
      }
      Pending decision = humanReview();
      if (decision.kind() == DecisionKind.APPROVE) {
        end(Step.HUMAN_REVIEW, StepState.DONE, "approved revision " + revision);
        checkpoint();
        break;
      }
      if (decision.kind() == DecisionKind.REJECT) {
        end(Step.HUMAN_REVIEW, StepState.DONE, "rejected: " + decision.text());
        checkpoint();
        compensate(Outcome.REJECTED);
        return result();
      }
      pendingChange = decision.change();
      checkpoint();
      int next = revision + 1;
      register(new Compensation(Step.HUMAN_REVIEW, next));
      try {
        activities.step.openRevision(
            slug, next, decision.change().fileName(), decision.change().blueprintYaml());
      } catch (ActivityFailure e) {
        if (e.getCause() instanceof CanceledFailure
            || Workflow.getVersion(KEEP_REVIEW_OPEN, Workflow.DEFAULT_VERSION, 1) < 1) {
          throw e;
        }
        pendingChange = null;
        refuseRevision(next, decision.change().fileName(), rootMessage(e));
        checkpoint();
        continue;
      }
      pendingChange = null;
      revision = next;
      closeReview();
      end(Step.HUMAN_REVIEW, StepState.PENDING, "revision " + revision + " opened");
      checkpoint();
    }
    boolean v4 = Workflow.getVersion(LOCAL_GENERATE, Workflow.DEFAULT_VERSION, 1) >= 1;
    // before v4 every worker was taken to provision and push
    EngagementActivities.Targets targets =
        v4 ? activities.local.targets() : new EngagementActivities.Targets(true, true);
    // each guard holds on a first run; a resumed run skips the steps its checkpoint has done
    if (stateOf(Step.GENERATE) != StepState.DONE) {
      register(new Compensation(Step.GENERATE, revision));
      begin(Step.GENERATE);
      EngagementActivities generator = v4 ? activities.local : activities.longStep;
      paths = paths.withGenerated(generator.generate(slug, revision));
      end(Step.GENERATE, StepState.DONE, "revision " + revision);
      checkpoint();
    }

    if (stateOf(Step.PROVISION) == StepState.DONE || stateOf(Step.PROVISION) == StepState.SKIPPED) {
      // done before the checkpoint
    } else if (targets.provisions()) {
      register(new Compensation(Step.PROVISION, revision));
      begin(Step.PROVISION);
      String provisioned = activities.longStep.provision(slug, revision);
      end(Step.PROVISION, StepState.DONE, provisioned);
      checkpoint();
    } else {
      end(Step.PROVISION, StepState.SKIPPED, "no provisioning target configured");
    }

    register(new Compensation(Step.PUBLISH, revision));
    begin(Step.PUBLISH);
    EngagementActivities publisher = targets.pushes() ? activities.longStep : activities.local;
    EngagementActivities.PublishResult published = publisher.publish(slug, revision);
    paths = paths.withRepository(published.repository(), published.remote());
    end(Step.PUBLISH, StepState.DONE, "commit " + published.commit());

    outcome = Outcome.COMPLETED;
    step = Step.DONE;
    checkpoint();
    return result();
  }

  /**
   * Moves an engagement that runs on the shared task queue to its host's queue (workflow v7). The
   * host is the one whose worker runs this first task; the move carries the input unchanged.
   */
  private void pinToHost() {
    if (Workflow.getVersion(PIN_HOST, Workflow.DEFAULT_VERSION, 1) < 1
        || !EngagementWorkflow.TASK_QUEUE.equals(Workflow.getInfo().getTaskQueue())) {
      return;
    }
    String host = activities.local.hostQueue();
    log.debug("engagement {}: runs on {}", slug, host);
    ContinueAsNewOptions.Builder move = ContinueAsNewOptions.newBuilder().setTaskQueue(host);
    Integer resumed =
        Workflow.getMemo(EngagementWorkflow.RESUMED_MEMO, Integer.class, Integer.class);
    if (resumed != null) {
      move.setMemo(Map.<String, Object>of(EngagementWorkflow.RESUMED_MEMO, resumed));
    }
    Workflow.continueAsNew(move.build(), input);
  }

  // ---- human review ----------------------------------------------------------------------------

  private Pending humanReview() {
    begin(Step.HUMAN_REVIEW);
    if (reviewOpenedAtMillis == 0) {
      reviewOpenedAtMillis = Workflow.currentTimeMillis();
      if (Workflow.getVersion(ANNOUNCE_REVIEW, Workflow.DEFAULT_VERSION, 1) >= 1) {
        activities.notify.announceReview(slug, revision, findings.size());
      }
      checkpoint();
    }
    long period = Duration.ofSeconds(input.review().reminderEverySeconds()).toMillis();
    while (true) {
      long nextReminderAt = reviewOpenedAtMillis + (remindersSent + 1L) * period;
      long wait = Math.max(1, nextReminderAt - Workflow.currentTimeMillis());
      boolean woke =
          Workflow.await(
              Duration.ofMillis(wait), () -> pending != null || unsaved || historyTooLong());
      if (pending != null) {
        Pending decision = pending;
        pending = null;
        return decision;
      }
      if (unsaved) {
        unsaved = false;
        checkpoint(); // a comment
        continue;
      }
      if (woke) {
        continueAsNew();
      }
      remindersSent++;
      long age = Workflow.currentTimeMillis() - reviewOpenedAtMillis;
      record(DecisionKind.REMINDER, "reminder " + remindersSent + " sent");
      activities.notify.remind(slug, revision, remindersSent, age);
      if (remindersSent == input.review().escalateAfterReminders()) {
        escalated = true;
        record(DecisionKind.ESCALATION, "escalated after " + remindersSent + " reminders");
        activities.notify.escalate(slug, revision, remindersSent);
      }
      checkpoint();
    }
  }

  /**
   * A change request whose revision could not be opened: recorded, shown as a HIGH finding, and the
   * review goes on with the revision it had; nothing is compensated.
   */
  private void refuseRevision(int next, String fileName, String why) {
    record(
        DecisionKind.REVISION_REFUSED,
        "revision " + next + " not opened from " + fileName + ": " + why);
    List<Finding> kept = new ArrayList<>();
    for (Finding f : findings) {
      if (!REVISION_REFUSED_RULE.equals(f.ruleId())) {
        kept.add(f);
      }
    }
    kept.add(
        new Finding(
            REVISION_REFUSED_RULE,
            "HIGH",
            fileName,
            "the change request could not be opened as revision " + next + ": " + why,
            "request changes again with a blueprint that `blueprint validate` accepts and whose"
                + " engagement.id is "
                + slug
                + "; revision "
                + revision
                + " is still under review"));
    findings = List.copyOf(kept);
    end(Step.HUMAN_REVIEW, StepState.RUNNING, "revision " + next + " refused; " + findingsNote());
  }

  private boolean historyTooLong() {
    return Workflow.getInfo().isContinueAsNewSuggested()
        || Workflow.getInfo().getHistoryLength() >= input.tuning().historyLimit();
  }

  private void continueAsNew() {
    Workflow.await(Workflow::isEveryHandlerFinished);
    if (pending != null) {
      return; // a decision arrived while handlers finished; the loop takes it
    }
    runs++;
    log.info("engagement {}: continuing as new (run {})", slug, runs + 1);
    Workflow.continueAsNew(input.withCarried(snapshot()));
  }

  private void closeReview() {
    reviewOpenedAtMillis = 0;
    remindersSent = 0;
    escalated = false;
  }

  // ---- saga ------------------------------------------------------------------------------------

  private void register(Compensation c) {
    registered.add(c);
    addToSaga(c);
  }

  private void addToSaga(Compensation c) {
    saga.addCompensation(
        () -> {
          runCompensation(c);
          compensationsRun.add(c.label());
        });
  }

  private void runCompensation(Compensation c) {
    EngagementActivities undo = activities.compensation;
    switch (c.step()) {
      case INTAKE -> undo.discardWorkspace(slug, owner());
      case ADVISE -> undo.discardAdvice(slug);
      case REVIEW -> undo.discardReview(slug, c.revision());
      case HUMAN_REVIEW -> undo.discardRevision(slug, c.revision());
      case GENERATE -> undo.discardGenerated(slug);
      case PROVISION -> undo.deprovision(slug);
      case PUBLISH -> undo.unpublish(slug);
      case DONE -> {}
    }
    for (int i = 0; i < steps.size(); i++) {
      StepProgress p = steps.get(i);
      if (p.step() == c.step() && p.state() != StepState.PENDING) {
        steps.set(i, p.with(StepState.COMPENSATED, c.label()));
      }
    }
  }

  /** Runs the compensations in reverse order, even when the workflow is being cancelled. */
  private void compensate(Outcome end) {
    Workflow.newDetachedCancellationScope(
            () -> {
              try {
                saga.compensate();
              } catch (Saga.CompensationException | TemporalFailure e) {
                String why = "compensation failed: " + rootMessage(e);
                failure = failure == null ? why : failure + "; " + why;
              }
            })
        .run();
    outcome = end;
    step = Step.DONE;
  }

  private EngagementResult cancelled() {
    markCurrent(StepState.FAILED, "cancelled");
    compensate(Outcome.CANCELLED);
    throw new CanceledFailure("engagement " + slug + " cancelled; compensations ran");
  }

  // ---- state -----------------------------------------------------------------------------------

  private void restore(EngagementStatus carried) {
    steps.addAll(StepProgress.allPending());
    if (carried == null) {
      return;
    }
    step = carried.step();
    steps.clear();
    steps.addAll(carried.steps());
    revision = carried.revision();
    reviewedRevision = carried.reviewedRevision();
    findings = carried.findings();
    reviewOpenedAtMillis = carried.reviewOpenedAtMillis();
    remindersSent = carried.remindersSent();
    escalated = carried.escalated();
    decisions.addAll(carried.decisions());
    paths = carried.paths();
    runs = carried.runs();
    owner = carried.owner();
    resumes = carried.resumes();
    if (carried.pendingChange() != null) {
      // resumed after a change request was taken, before its revision opened
      pendingChange = carried.pendingChange();
      pending = new Pending(DecisionKind.REQUEST_CHANGES, "resumed change request", pendingChange);
    }
    for (Compensation c : carried.registered()) {
      registered.add(c);
      addToSaga(c);
    }
  }

  private EngagementStatus snapshot() {
    return new EngagementStatus(
        slug,
        outcome,
        step,
        steps,
        revision,
        reviewedRevision,
        findings,
        reviewOpenedAtMillis,
        remindersSent,
        escalated,
        decisions,
        registered,
        compensationsRun,
        paths,
        failure,
        runs,
        owner(),
        resumes,
        pendingChange);
  }

  /** Who holds the workspace: carried from the first execution, which claimed it. */
  private String owner() {
    return owner != null ? owner : Workflow.getInfo().getFirstExecutionRunId();
  }

  /**
   * Writes the state to the workspace (workflow v6 on). A checkpoint that cannot be written costs
   * only the resumption after a server restart, never the engagement: it is logged, not thrown.
   */
  private void checkpoint() {
    if (!checkpoints) {
      return;
    }
    try {
      activities.local.checkpoint(slug, input.checkpoint(snapshot()));
    } catch (ActivityFailure e) {
      if (e.getCause() instanceof CanceledFailure) {
        throw e;
      }
      log.warn("engagement {}: checkpoint not written: {}", slug, rootMessage(e));
    }
  }

  private boolean decisionOpen() {
    StepState s = stateOf(Step.HUMAN_REVIEW);
    return s != StepState.DONE && s != StepState.SKIPPED;
  }

  private DecisionKind lastHumanDecision() {
    for (int i = decisions.size() - 1; i >= 0; i--) {
      DecisionKind k = decisions.get(i).kind();
      if (k == DecisionKind.APPROVE || k == DecisionKind.REJECT || k == DecisionKind.AUTO_APPROVE) {
        return k;
      }
    }
    return null;
  }

  private EngagementResult result() {
    return new EngagementResult(
        slug, outcome, revision, paths, decisions, compensationsRun, failure);
  }

  private StepState stateOf(Step s) {
    return steps.stream()
        .filter(p -> p.step() == s)
        .map(StepProgress::state)
        .findFirst()
        .orElse(StepState.PENDING);
  }

  private void begin(Step s) {
    step = s;
    set(s, StepState.RUNNING, s == Step.HUMAN_REVIEW ? "revision " + revision : "");
  }

  private void end(Step s, StepState state, String note) {
    set(s, state, note == null ? "" : note);
  }

  private void markCurrent(StepState state, String note) {
    set(step, state, note);
  }

  private void set(Step s, StepState state, String note) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).step() == s) {
        steps.set(i, steps.get(i).with(state, note));
      }
    }
  }

  private String findingsNote() {
    long high = findings.stream().filter(f -> "HIGH".equals(f.severity())).count();
    return "revision " + revision + ": " + findings.size() + " findings (" + high + " high)";
  }

  private DecisionRecord record(DecisionKind kind, String text) {
    DecisionRecord r = new DecisionRecord(kind, revision, text, Workflow.currentTimeMillis());
    decisions.add(r);
    return r;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    if (t instanceof ApplicationFailure af) {
      return af.getOriginalMessage();
    }
    return t.getMessage();
  }

  // ---- queries ---------------------------------------------------------------------------------

  @Override
  public EngagementStatus status() {
    return snapshot();
  }

  @Override
  public Step currentStep() {
    return step;
  }

  @Override
  public int revision() {
    return revision;
  }

  @Override
  public List<Finding> openFindings() {
    return findings;
  }

  @Override
  public long reviewAgeMillis() {
    return reviewOpenedAtMillis == 0 ? 0 : Workflow.currentTimeMillis() - reviewOpenedAtMillis;
  }

  @Override
  public int remindersSent() {
    return remindersSent;
  }

  @Override
  public List<DecisionRecord> decisions() {
    return List.copyOf(decisions);
  }

  // ---- updates ---------------------------------------------------------------------------------

  @Override
  public DecisionRecord decide(DecisionRequest r) {
    return switch (r.kind()) {
      case APPROVE -> decide(DecisionKind.APPROVE, approvalText(r), null);
      case REJECT -> reject(r.text());
      case REQUEST_CHANGES -> requestChanges(r.change());
      default -> comment(r.text());
    };
  }

  @Override
  public void validateDecide(DecisionRequest r) {
    if (r == null || r.kind() == null) {
      throw new IllegalArgumentException("a decision needs a kind");
    }
    if (r.notAfterMillis() > 0 && Workflow.currentTimeMillis() > r.notAfterMillis()) {
      throw new IllegalStateException(
          "not applied: the client stopped waiting for this decision before a worker took it;"
              + " decide again");
    }
    switch (r.kind()) {
      case APPROVE -> {
        requireAwaitingDecision("approve");
        requireRevision(r);
        requireAcceptedHighFindings(r);
      }
      case REJECT -> {
        validateReject(r.text());
        requireRevision(r);
      }
      case REQUEST_CHANGES -> {
        validateRequestChanges(r.change());
        requireRevision(r);
      }
      case COMMENT -> validateComment(r.text());
      default -> throw new IllegalArgumentException(r.kind() + " is not a human decision");
    }
  }

  /** A decision made on another revision than the one under review is refused. */
  private void requireRevision(DecisionRequest r) {
    if (r.revision() > 0 && r.revision() != revision) {
      throw new IllegalStateException(
          "revision "
              + r.revision()
              + " is not under review: engagement "
              + slug
              + " reviews revision "
              + revision
              + " now; look at it ('blueprint engagement status "
              + slug
              + "') and decide again");
    }
  }

  /**
   * Approving a revision with open HIGH findings needs each of them accepted by rule id, with a
   * comment that says why; accepting what is not an open HIGH finding is refused too, so that the
   * record says exactly which risks were taken.
   */
  private void requireAcceptedHighFindings(DecisionRequest r) {
    Set<String> high = openHighRules();
    Set<String> accepted = new TreeSet<>(r.accept());
    Set<String> unknown = new TreeSet<>(accepted);
    unknown.removeAll(high);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot accept "
              + String.join(", ", unknown)
              + ": not an open HIGH finding of revision "
              + revision
              + (high.isEmpty() ? " (it has none)" : " (open: " + String.join(", ", high) + ")"));
    }
    Set<String> missing = new TreeSet<>(high);
    missing.removeAll(accepted);
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "revision "
              + revision
              + " has open HIGH findings "
              + String.join(", ", missing)
              + ": approve it with --accept RULE-ID for each and --comment saying why the risk"
              + " is accepted, or request changes");
    }
    if (!accepted.isEmpty() && (r.text() == null || r.text().isBlank())) {
      throw new IllegalArgumentException(
          "accepting a HIGH finding needs a comment that says why (--comment)");
    }
  }

  private Set<String> openHighRules() {
    Set<String> high = new TreeSet<>();
    for (Finding f : findings) {
      if ("HIGH".equals(f.severity())) {
        high.add(f.ruleId());
      }
    }
    return high;
  }

  private String approvalText(DecisionRequest r) {
    String text = text(r.text(), "approved");
    if (r.accept().isEmpty()) {
      return text;
    }
    List<String> accepted = new ArrayList<>();
    for (Finding f : findings) {
      if ("HIGH".equals(f.severity()) && r.accept().contains(f.ruleId())) {
        accepted.add(f.ruleId() + " (" + f.element() + ": " + f.why() + ")");
      }
    }
    return text + "; accepted HIGH findings: " + String.join("; ", accepted);
  }

  @Override
  public DecisionRecord approve(String comment) {
    return decide(DecisionKind.APPROVE, text(comment, "approved"), null);
  }

  @Override
  public void validateApprove(String comment) {
    requireAwaitingDecision("approve");
    requireAcceptedHighFindings(DecisionRequest.approve(0, comment, List.of()));
  }

  @Override
  public DecisionRecord reject(String reason) {
    return decide(DecisionKind.REJECT, reason.strip(), null);
  }

  @Override
  public void validateReject(String reason) {
    requireAwaitingDecision("reject");
    requireText(reason, "a rejection needs a reason");
  }

  @Override
  public DecisionRecord requestChanges(ChangeRequest request) {
    return decide(
        DecisionKind.REQUEST_CHANGES,
        text(request.comment(), "changes requested") + " (" + request.fileName() + ")",
        request);
  }

  @Override
  public void validateRequestChanges(ChangeRequest request) {
    requireAwaitingDecision("request changes");
    if (request == null) {
      throw new IllegalArgumentException("a change request needs the amended blueprint");
    }
    requireText(request.blueprintYaml(), "the amended blueprint file is empty");
    long bytes = utf8Length(request.blueprintYaml());
    if (bytes > MAX_BLUEPRINT_BYTES) {
      throw new IllegalArgumentException(
          request.fileName()
              + " is "
              + bytes
              + " bytes: an engagement carries blueprints of up to "
              + MAX_BLUEPRINT_BYTES
              + " bytes (4 MiB, the loader's own limit), which fit Temporal's 2 MB payload limit"
              + " once compressed");
    }
  }

  /**
   * The largest blueprint a change request may carry: the loader's default limit, fixed here so
   * that every worker decides the same whatever its system properties.
   */
  static final int MAX_BLUEPRINT_BYTES = 4 * 1024 * 1024;

  /** The length of {@code text} in UTF-8 (workflow code stays off java.nio). */
  static long utf8Length(String text) {
    return text.codePoints()
        .mapToLong(cp -> cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4)
        .sum();
  }

  @Override
  public DecisionRecord comment(String text) {
    unsaved = checkpoints;
    return record(DecisionKind.COMMENT, text.strip());
  }

  @Override
  public void validateComment(String text) {
    if (outcome.isFinal()) {
      throw new IllegalStateException("engagement " + slug + " has ended (" + outcome + ")");
    }
    requireText(text, "a comment needs text");
  }

  private DecisionRecord decide(DecisionKind kind, String text, ChangeRequest change) {
    pending = new Pending(kind, text, change);
    return record(kind, text);
  }

  private void requireAwaitingDecision(String what) {
    if (outcome.isFinal()) {
      throw new IllegalStateException(
          "cannot " + what + ": engagement " + slug + " has ended (" + outcome + ")");
    }
    if (step != Step.HUMAN_REVIEW || pending != null) {
      throw new IllegalStateException(
          "cannot "
              + what
              + ": engagement "
              + slug
              + " is not waiting for a review decision (current step: "
              + step
              + ")");
    }
  }

  private static void requireText(String text, String message) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(message);
    }
  }

  private static String text(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
