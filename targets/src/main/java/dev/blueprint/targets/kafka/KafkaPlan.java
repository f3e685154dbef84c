package dev.blueprint.targets.kafka;

import dev.blueprint.core.kafka.TopicSpec;
import java.util.List;

/**
 * What {@code kafka apply} would change on a cluster to match a blueprint, and what it refuses to
 * do. A plan with refusals cannot be applied. Deletes are listed always but carried out only when
 * {@code allowDelete} is set, and only for topics this blueprint created (see {@link
 * ManagedTopics}).
 *
 * @param bootstrapServers the cluster compared against
 * @param owner the engagement id that marks topics as managed by this blueprint
 * @param brokers the number of brokers seen
 * @param creates topics to create, as the blueprint describes them
 * @param partitionIncreases topics whose partition count grows
 * @param configChanges topic-level configs to set or remove
 * @param deletes managed topics no longer in the blueprint
 * @param allowDelete whether apply deletes {@code deletes}
 * @param refusals what cannot be applied; any refusal blocks the whole plan
 * @param inSync topics that already match
 */
public record KafkaPlan(
    String bootstrapServers,
    String owner,
    int brokers,
    List<TopicSpec> creates,
    List<PartitionIncrease> partitionIncreases,
    List<ConfigChange> configChanges,
    List<String> deletes,
    boolean allowDelete,
    List<Refusal> refusals,
    List<String> inSync) {

  public KafkaPlan {
    creates = List.copyOf(creates);
    partitionIncreases = List.copyOf(partitionIncreases);
    configChanges = List.copyOf(configChanges);
    deletes = List.copyOf(deletes);
    refusals = List.copyOf(refusals);
    inSync = List.copyOf(inSync);
  }

  /** A topic's partition count goes from {@code from} to {@code to} (always up). */
  public record PartitionIncrease(String topic, int from, int to) {}

  /**
   * A topic-level config to set ({@code to} not null) or remove ({@code to} null, back to the
   * broker default); {@code from} is the topic's own value, null when it has none.
   */
  public record ConfigChange(String topic, String key, String from, String to) {
    public boolean isRemove() {
      return to == null;
    }
  }

  /** Something the plan refuses to do, and why. */
  public record Refusal(String topic, String reason) {}

  /** Whether apply would change anything (deletes count only when allowed). */
  public boolean hasChanges() {
    return !creates.isEmpty()
        || !partitionIncreases.isEmpty()
        || !configChanges.isEmpty()
        || (allowDelete && !deletes.isEmpty());
  }

  /** Whether the plan refuses something, and so cannot be applied. */
  public boolean isRefused() {
    return !refusals.isEmpty();
  }
}
