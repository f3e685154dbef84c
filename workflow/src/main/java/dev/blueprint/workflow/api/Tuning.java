package dev.blueprint.workflow.api;

/**
 * Activity timeouts and retries, and when to continue as new. Defaults suit a real run; tests
 * shorten them.
 *
 * @param stepTimeoutSeconds start-to-close timeout of one attempt of a step
 * @param heartbeatSeconds heartbeat timeout of the long steps (generate, provision, publish): how
 *     soon a dead worker's attempt is retried elsewhere
 * @param maxAttempts attempts of a step before it fails the engagement
 * @param historyLimit the history length after which the review continues as new (Temporal's own
 *     suggestion also counts)
 */
public record Tuning(
    long stepTimeoutSeconds, long heartbeatSeconds, int maxAttempts, int historyLimit) {

  public static final Tuning DEFAULT = new Tuning(300, 30, 5, 2_000);

  public Tuning {
    if (stepTimeoutSeconds <= 0 || heartbeatSeconds <= 0 || maxAttempts < 1 || historyLimit < 50) {
      throw new IllegalArgumentException("invalid tuning " + stepTimeoutSeconds);
    }
  }
}
