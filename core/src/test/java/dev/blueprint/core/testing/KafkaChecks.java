package dev.blueprint.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.blueprint.core.generate.Naming;
import dev.blueprint.core.kafka.TopicSpec;
import dev.blueprint.core.kafka.TopicSpecs;
import dev.blueprint.core.model.Blueprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks generated Strimzi KafkaTopic files against the Strimzi CRD schema (networknt's JSON Schema
 * validator) and against the blueprint's TopicSpecs.
 */
public final class KafkaChecks {
  private KafkaChecks() {}

  /** Topic-level config keys a Kafka 4.4 broker accepts (FIELD-GUIDE.md). */
  public static final Set<String> BROKER_KEYS =
      Set.of(
          "cleanup.policy",
          "compression.type",
          "compression.gzip.level",
          "compression.lz4.level",
          "compression.zstd.level",
          "delete.retention.ms",
          "file.delete.delay.ms",
          "flush.messages",
          "flush.ms",
          "follower.replication.throttled.replicas",
          "leader.replication.throttled.replicas",
          "index.interval.bytes",
          "local.retention.bytes",
          "local.retention.ms",
          "max.compaction.lag.ms",
          "max.message.bytes",
          "min.cleanable.dirty.ratio",
          "min.compaction.lag.ms",
          "min.insync.replicas",
          "message.timestamp.after.max.ms",
          "message.timestamp.before.max.ms",
          "message.timestamp.type",
          "preallocate",
          "remote.log.copy.disable",
          "remote.log.delete.on.disable",
          "remote.storage.enable",
          "retention.bytes",
          "retention.ms",
          "segment.bytes",
          "segment.index.bytes",
          "segment.jitter.ms",
          "segment.ms",
          "unclean.leader.election.enable",
          "errors.deadletterqueue.group.enable",
          "max.decompressed.message.bytes",
          "remote.copy.lag.bytes",
          "remote.copy.lag.ms");

  public static Schema strimziSchema() throws Exception {
    String text = Files.readString(Examples.strimziSchema());
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(text, InputFormat.YAML);
  }

  /** Checks every KafkaTopic file of a generated repository against the CRD schema and specs. */
  public static void checkResources(Blueprint b, Path dir, String apiVersion) throws Exception {
    Schema schema = strimziSchema();
    YAMLMapper yaml = new YAMLMapper();
    List<TopicSpec> specs = TopicSpecs.of(b);
    try (var files = Files.list(dir.resolve("kafka/topics"))) {
      assertEquals(specs.size(), files.count());
    }
    for (TopicSpec spec : specs) {
      Path file = dir.resolve("kafka/topics/" + Naming.k8sName(spec.name()) + ".yaml");
      String text = Files.readString(file);
      assertEquals(List.of(), schema.validate(text, InputFormat.YAML), file.toString());
      JsonNode r = yaml.readTree(text);
      assertEquals(apiVersion, r.path("apiVersion").asText());
      assertEquals("KafkaTopic", r.path("kind").asText());
      String name = r.path("metadata").path("name").asText();
      assertTrue(Naming.isK8sName(name), name);
      assertEquals("kafka", r.path("metadata").path("labels").path("strimzi.io/cluster").asText());
      JsonNode specNode = r.path("spec");
      String topic = specNode.has("topicName") ? specNode.get("topicName").asText() : name;
      assertEquals(spec.name(), topic);
      assertEquals(spec.partitions(), specNode.path("partitions").asInt());
      assertEquals(spec.replicationFactor(), specNode.path("replicas").asInt());
      Map<String, String> configs = new java.util.TreeMap<>();
      specNode
          .path("config")
          .properties()
          .forEach(e -> configs.put(e.getKey(), e.getValue().asText()));
      assertEquals(spec.configs(), configs);
      assertTrue(BROKER_KEYS.containsAll(configs.keySet()), configs.keySet().toString());
      String description = b.architectureOrEmpty().stream(spec.name()).orElseThrow().description();
      if (description != null) {
        assertEquals(
            description,
            r.path("metadata").path("annotations").path("blueprint.dev/description").asText());
      }
    }
  }
}
