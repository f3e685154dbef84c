package dev.blueprint.workflow.api;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/** One engagement: intake, advice, review, human review, generation, provisioning, publishing. */
@WorkflowInterface
public interface EngagementWorkflow {

  /** The task queue the worker polls. */
  String TASK_QUEUE = "blueprint-engagements";

  /**
   * The memo key of an engagement resumed from its checkpoint (how many times), shown by {@code
   * engagement list}.
   */
  String RESUMED_MEMO = "resumed";

  @WorkflowMethod(name = "Engagement")
  EngagementResult run(EngagementInput input);

  /** Everything at once; what {@code status} and {@code watch} show. */
  @QueryMethod
  EngagementStatus status();

  @QueryMethod
  Step currentStep();

  @QueryMethod
  int revision();

  @QueryMethod
  List<Finding> openFindings();

  /** How long the current human review has been open, in milliseconds (0 when none is open). */
  @QueryMethod
  long reviewAgeMillis();

  @QueryMethod
  int remindersSent();

  @QueryMethod
  List<DecisionRecord> decisions();

  /**
   * Every human decision: approve, reject, request changes or comment, with the revision it was
   * made on, the open HIGH findings an approval accepts, and the client's deadline. The updates
   * below it are kept for engagements and clients from before it.
   */
  @UpdateMethod
  DecisionRecord decide(DecisionRequest request);

  @UpdateValidatorMethod(updateName = "decide")
  void validateDecide(DecisionRequest request);

  @UpdateMethod
  DecisionRecord approve(String comment);

  @UpdateValidatorMethod(updateName = "approve")
  void validateApprove(String comment);

  @UpdateMethod
  DecisionRecord reject(String reason);

  @UpdateValidatorMethod(updateName = "reject")
  void validateReject(String reason);

  /** Opens a new revision from the amended blueprint; it goes back to the automated review. */
  @UpdateMethod
  DecisionRecord requestChanges(ChangeRequest request);

  @UpdateValidatorMethod(updateName = "requestChanges")
  void validateRequestChanges(ChangeRequest request);

  @UpdateMethod
  DecisionRecord comment(String text);

  @UpdateValidatorMethod(updateName = "comment")
  void validateComment(String text);
}
