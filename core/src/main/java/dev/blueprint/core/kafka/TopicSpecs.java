package dev.blueprint.core.kafka;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.CleanupPolicy;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Platform;
import dev.blueprint.core.model.Stream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Derives {@link TopicSpec}s from a blueprint's Kafka streams, filling in production defaults where
 * the blueprint is silent (FIELD-GUIDE.md, Apache Kafka): replication factor 3, min.insync.replicas
 * 2 (at most RF - 1), unclean leader election off, cleanup.policy delete with an explicit
 * retention.ms derived from the consumers' tolerated outage.
 */
public final class TopicSpecs {

  /** Partitions when the blueprint gives none. */
  public static final int DEFAULT_PARTITIONS = 6;

  /** Replication factor when the blueprint gives none. */
  public static final int DEFAULT_REPLICATION = 3;

  /** Retention is the longest tolerated consumer outage times this margin. */
  public static final int RETENTION_MARGIN = 2;

  /** Retention is never derived below this. */
  public static final Duration MIN_RETENTION = Duration.ofDays(7);

  private TopicSpecs() {}

  /** The specs of every Kafka stream, in blueprint order. */
  public static List<TopicSpec> of(Blueprint blueprint) {
    return blueprint.architectureOrEmpty().streams().stream()
        .filter(s -> s.platformOrKafka() == Platform.KAFKA)
        .map(s -> of(s, blueprint))
        .toList();
  }

  /** The spec of one stream. */
  public static TopicSpec of(Stream stream, Blueprint blueprint) {
    int replication = stream.replication() != null ? stream.replication() : DEFAULT_REPLICATION;
    int minIsr =
        stream.minInsyncReplicas() != null
            ? stream.minInsyncReplicas()
            : Math.max(1, Math.min(2, replication - 1));
    CleanupPolicy policy =
        stream.cleanupPolicy() != null ? stream.cleanupPolicy() : CleanupPolicy.DELETE;
    TreeMap<String, String> configs = new TreeMap<>();
    configs.put("cleanup.policy", policy.kafkaValue());
    configs.put("min.insync.replicas", Integer.toString(minIsr));
    configs.put("unclean.leader.election.enable", "false");
    if (policy != CleanupPolicy.COMPACT || stream.retention() != null) {
      configs.put("retention.ms", Long.toString(retention(stream, blueprint).toMillis()));
    }
    configs.putAll(stream.config());
    int partitions = stream.partitions() != null ? stream.partitions() : DEFAULT_PARTITIONS;
    return new TopicSpec(stream.name(), partitions, replication, configs);
  }

  /** The blueprint's retention, or the longest tolerated outage of its readers with a margin. */
  public static Duration retention(Stream stream, Blueprint blueprint) {
    if (stream.retention() != null) {
      return stream.retention();
    }
    Duration derived =
        longestOutage(stream, blueprint)
            .map(d -> d.multipliedBy(RETENTION_MARGIN))
            .orElse(MIN_RETENTION);
    return derived.compareTo(MIN_RETENTION) < 0 ? MIN_RETENTION : derived;
  }

  /** The longest maxOutage among consumers that read the stream, if any is known. */
  public static Optional<Duration> longestOutage(Stream stream, Blueprint blueprint) {
    return readers(stream, blueprint).stream()
        .map(Consumer::maxOutage)
        .filter(d -> d != null)
        .max(Duration::compareTo);
  }

  /** Consumers that read the stream, named either by the consumer or by the stream. */
  public static List<Consumer> readers(Stream stream, Blueprint blueprint) {
    return blueprint.consumers().stream()
        .filter(c -> c.reads().contains(stream.name()) || stream.consumers().contains(c.id()))
        .toList();
  }
}
