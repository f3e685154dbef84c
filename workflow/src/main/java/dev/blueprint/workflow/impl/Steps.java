package dev.blueprint.workflow.impl;

import dev.blueprint.workflow.api.EngagementActivities;
import dev.blueprint.workflow.api.Tuning;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The activity stubs the workflow calls, each with explicit timeouts and retries: short steps, long
 * steps (which heartbeat, so that a dead worker's attempt is retried soon), notifications and
 * compensations (retried longer: giving up leaves things behind).
 */
final class Steps {

  final EngagementActivities step;

  /**
   * The steps without side effects outside the engagement's workspace (intake, advice, automated
   * review; from workflow v4 on generation, publishing when it pushes nowhere, and the question
   * what the worker's targets reach) as local activities: run by the worker that runs the workflow
   * task, their results recorded in the history as markers, without a round trip through the
   * server's task queue for each. A local activity longer than the workflow task's timeout keeps
   * the task alive (the SDK heartbeats it), so a large generation is not cut short. Retried like
   * the others (a worker that dies mid-step fails its workflow task, and the next worker runs the
   * step again; the steps are idempotent on their files).
   */
  final EngagementActivities local;

  final EngagementActivities longStep;
  final EngagementActivities notify;
  final EngagementActivities compensation;

  Steps(Tuning tuning) {
    Duration timeout = Duration.ofSeconds(tuning.stepTimeoutSeconds());
    step = Workflow.newActivityStub(EngagementActivities.class, options(timeout, tuning, null, 1));
    local =
        Workflow.newLocalActivityStub(
            EngagementActivities.class,
            LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(timeout)
                .setRetryOptions(retry(tuning, 1))
                .build());
    longStep =
        Workflow.newActivityStub(
            EngagementActivities.class,
            options(timeout, tuning, Duration.ofSeconds(tuning.heartbeatSeconds()), 1));
    notify =
        Workflow.newActivityStub(
            EngagementActivities.class, options(Duration.ofSeconds(30), tuning, null, 1));
    compensation =
        Workflow.newActivityStub(EngagementActivities.class, options(timeout, tuning, null, 2));
  }

  private static ActivityOptions options(
      Duration startToClose, Tuning tuning, Duration heartbeat, int attemptsFactor) {
    ActivityOptions.Builder b =
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(startToClose)
            .setRetryOptions(retry(tuning, attemptsFactor));
    if (heartbeat != null) {
      b.setHeartbeatTimeout(heartbeat);
    }
    return b.build();
  }

  private static RetryOptions retry(Tuning tuning, int attemptsFactor) {
    return RetryOptions.newBuilder()
        .setInitialInterval(Duration.ofSeconds(1))
        .setBackoffCoefficient(2.0)
        .setMaximumInterval(Duration.ofSeconds(30))
        .setMaximumAttempts(tuning.maxAttempts() * attemptsFactor)
        .setDoNotRetry(EngagementActivities.INVALID_INPUT)
        .build();
  }
}
