package dev.blueprint.workflow;

import dev.blueprint.workflow.api.ChangeRequest;
import dev.blueprint.workflow.api.DecisionRecord;
import dev.blueprint.workflow.api.DecisionRequest;
import dev.blueprint.workflow.api.EngagementActivities;
import dev.blueprint.workflow.api.EngagementInput;
import dev.blueprint.workflow.api.EngagementResult;
import dev.blueprint.workflow.api.EngagementStatus;
import dev.blueprint.workflow.api.EngagementWorkflow;
import dev.blueprint.workflow.api.Finding;
import dev.blueprint.workflow.api.Step;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;

/** A workflow changed without getVersion (advice before intake): replay must refuse it. */
public class ReorderedWorkflow implements EngagementWorkflow {

  @Override
  public EngagementResult run(EngagementInput input) {
    EngagementActivities a =
        Workflow.newActivityStub(
            EngagementActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());
    a.advise(input.slug());
    return null;
  }

  @Override
  public EngagementStatus status() {
    return null;
  }

  @Override
  public Step currentStep() {
    return null;
  }

  @Override
  public int revision() {
    return 0;
  }

  @Override
  public List<Finding> openFindings() {
    return List.of();
  }

  @Override
  public long reviewAgeMillis() {
    return 0;
  }

  @Override
  public int remindersSent() {
    return 0;
  }

  @Override
  public List<DecisionRecord> decisions() {
    return List.of();
  }

  @Override
  public DecisionRecord decide(DecisionRequest request) {
    return null;
  }

  @Override
  public void validateDecide(DecisionRequest request) {}

  @Override
  public DecisionRecord approve(String comment) {
    return null;
  }

  @Override
  public void validateApprove(String comment) {}

  @Override
  public DecisionRecord reject(String reason) {
    return null;
  }

  @Override
  public void validateReject(String reason) {}

  @Override
  public DecisionRecord requestChanges(ChangeRequest request) {
    return null;
  }

  @Override
  public void validateRequestChanges(ChangeRequest request) {}

  @Override
  public DecisionRecord comment(String text) {
    return null;
  }

  @Override
  public void validateComment(String text) {}
}
