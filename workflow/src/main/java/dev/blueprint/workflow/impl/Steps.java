package dev.blueprint.workflow.impl;

import dev.blueprint.workflow.api.EngagementActivities;
import dev.blueprint.workflow.api.Tuning;
import io.temporal.activity.ActivityOptions;
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
  final EngagementActivities longStep;
  final EngagementActivities notify;
  final EngagementActivities compensation;

  Steps(Tuning tuning) {
    Duration timeout = Duration.ofSeconds(tuning.stepTimeoutSeconds());
    step = Workflow.newActivityStub(EngagementActivities.class, options(timeout, tuning, null, 1));
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
            .setRetryOptions(
                RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(1))
                    .setBackoffCoefficient(2.0)
                    .setMaximumInterval(Duration.ofSeconds(30))
                    .setMaximumAttempts(tuning.maxAttempts() * attemptsFactor)
                    .setDoNotRetry(EngagementActivities.INVALID_INPUT)
                    .build());
    if (heartbeat != null) {
      b.setHeartbeatTimeout(heartbeat);
    }
    return b.build();
  }
}
