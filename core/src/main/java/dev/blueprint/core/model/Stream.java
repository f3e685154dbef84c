package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Data in motion: a Kafka topic, a Kinesis stream or an event-bus route. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "name",
  "platform",
  "description",
  "partitions",
  "replication",
  "minInsyncReplicas",
  "retention",
  "cleanupPolicy",
  "key",
  "valueSchema",
  "producers",
  "consumers",
  "config"
})
public record Stream(
    @JsonPropertyDescription("Topic or stream name: [a-zA-Z0-9._-], at most 249 characters.")
        String name,
    Platform platform,
    String description,
    @JsonPropertyDescription("Number of partitions (Kafka) or shards (Kinesis).")
        Integer partitions,
    @JsonPropertyDescription("Replication factor; 3 in production.") Integer replication,
    @JsonPropertyDescription("min.insync.replicas; at most replication - 1.")
        Integer minInsyncReplicas,
    @JsonPropertyDescription(
            "How long records are kept, e.g. 7d; must exceed every consumer's maxOutage.")
        Duration retention,
    CleanupPolicy cleanupPolicy,
    @JsonPropertyDescription("The field of the value schema used as message key.") String key,
    @JsonPropertyDescription("The dataset whose fields describe a record's value.")
        String valueSchema,
    @JsonPropertyDescription("Source ids or pipeline ids that write to it.") List<String> producers,
    @JsonPropertyDescription("Consumer ids or pipeline ids that read it.") List<String> consumers,
    @JsonPropertyDescription("Further topic-level configs, e.g. compression.type: zstd.")
        Map<String, String> config) {

  public Stream {
    producers = Lists.copy(producers);
    consumers = Lists.copy(consumers);
    config = Lists.copy(config);
  }

  /** The platform, Kafka when not given. */
  public Platform platformOrKafka() {
    return platform == null ? Platform.KAFKA : platform;
  }
}
