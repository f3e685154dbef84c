package dev.blueprint.targets.kafka;

import dev.blueprint.targets.TargetException;
import java.util.List;

/**
 * Apply failed part-way. {@link #applied()} lists the steps that did take effect (and {@link
 * #createdTopics()} the topics among them that this run created), so the user and the engagement's
 * compensation know exactly what changed. Running apply again converges.
 */
public final class KafkaApplyException extends TargetException {

  private final transient KafkaApplyResult partial;

  public KafkaApplyException(String message, KafkaApplyResult partial, Throwable cause) {
    super(message + describe(partial), cause);
    this.partial = partial;
  }

  /** The steps that took effect before the failure. */
  public List<String> applied() {
    return partial.applied();
  }

  /** The topics this run created before the failure. */
  public List<String> createdTopics() {
    return partial.createdTopics();
  }

  private static String describe(KafkaApplyResult partial) {
    if (partial.applied().isEmpty()) {
      return "; nothing was applied";
    }
    return "; applied before the failure: " + String.join("; ", partial.applied());
  }
}
