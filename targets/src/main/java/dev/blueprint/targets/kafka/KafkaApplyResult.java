package dev.blueprint.targets.kafka;

import java.util.List;

/**
 * What one apply did.
 *
 * @param applied one line per step that took effect, in order
 * @param createdTopics the topics this run created (and marked as managed by the owner); the
 *     engagement records them so that its compensation deletes exactly these
 * @param deletedTopics the topics this run deleted
 */
public record KafkaApplyResult(
    List<String> applied, List<String> createdTopics, List<String> deletedTopics) {

  public KafkaApplyResult {
    applied = List.copyOf(applied);
    createdTopics = List.copyOf(createdTopics);
    deletedTopics = List.copyOf(deletedTopics);
  }

  /** Whether the run changed nothing. */
  public boolean isEmpty() {
    return applied.isEmpty();
  }
}
