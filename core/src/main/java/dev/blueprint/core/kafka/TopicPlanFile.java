package dev.blueprint.core.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads the {@code kafka/topic-plan.json} of a generated repository back into {@link TopicSpec}s,
 * for {@code blueprint kafka plan|apply} against a generated repository.
 */
public final class TopicPlanFile {

  /** The format version this release writes and reads. */
  public static final int FORMAT = 1;

  private TopicPlanFile() {}

  /** The topics of a topic plan file. */
  public static List<TopicSpec> read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readString(file));
    if (root == null || root.path("format").asInt(-1) != FORMAT) {
      throw new IOException(file + ": not a blueprint topic plan of format " + FORMAT);
    }
    List<TopicSpec> topics = new ArrayList<>();
    for (JsonNode t : root.path("topics")) {
      TreeMap<String, String> configs = new TreeMap<>();
      t.path("configs").properties().forEach(e -> configs.put(e.getKey(), e.getValue().asText()));
      topics.add(
          new TopicSpec(
              t.path("name").asText(),
              t.path("partitions").asInt(),
              t.path("replicationFactor").asInt(),
              configs));
    }
    return topics;
  }
}
