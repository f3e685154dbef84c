package dev.blueprint.workflow.api;

import java.util.List;

/**
 * Everything a client may ask about an engagement; also the state carried across continue-as-new.
 *
 * @param slug the engagement id
 * @param outcome RUNNING, or how it ended
 * @param step the current step (DONE once ended)
 * @param steps every step's state
 * @param revision the current revision (1 = the advisor's proposal)
 * @param reviewedRevision the last revision the automated review has seen (0 = none)
 * @param findings the open findings of the current revision
 * @param reviewOpenedAtMillis when the current human review opened (workflow time), 0 if none
 * @param remindersSent reminders sent for the current review
 * @param escalated whether the current review was escalated
 * @param decisions the review's history, oldest first
 * @param registered compensations the saga holds, in registration order
 * @param compensationsRun compensations run, in the order they ran
 * @param paths where the files are
 * @param failure why the engagement failed, or null
 * @param runs how many times the workflow continued as new
 * @param owner who holds the workspace (the first run id of the engagement's first execution); null
 *     in states from before it was carried
 * @param resumes how many times the engagement was resumed from its checkpoint after the server
 *     that ran it lost it (the in-memory dev server stopped)
 * @param pendingChange a change request taken but whose revision is not opened yet, else null
 */
public record EngagementStatus(
    String slug,
    Outcome outcome,
    Step step,
    List<StepProgress> steps,
    int revision,
    int reviewedRevision,
    List<Finding> findings,
    long reviewOpenedAtMillis,
    int remindersSent,
    boolean escalated,
    List<DecisionRecord> decisions,
    List<Compensation> registered,
    List<String> compensationsRun,
    EngagementPaths paths,
    String failure,
    int runs,
    String owner,
    int resumes,
    ChangeRequest pendingChange) {

  public EngagementStatus {
    steps = steps == null ? List.of() : List.copyOf(steps);
    findings = findings == null ? List.of() : List.copyOf(findings);
    decisions = decisions == null ? List.of() : List.copyOf(decisions);
    registered = registered == null ? List.of() : List.copyOf(registered);
    compensationsRun = compensationsRun == null ? List.of() : List.copyOf(compensationsRun);
    paths = paths == null ? EngagementPaths.NONE : paths;
  }

  /** The state of one step. */
  public StepState stateOf(Step s) {
    return steps.stream()
        .filter(p -> p.step() == s)
        .map(StepProgress::state)
        .findFirst()
        .orElse(StepState.PENDING);
  }
}
