package dev.blueprint.core.kafka;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Kafka topic as the blueprint wants it: the one description that the generated Strimzi
 * resources, the topic plan, create-topics.sh and {@code blueprint kafka plan|apply} all use.
 *
 * @param configs topic-level configs, sorted by key
 */
public record TopicSpec(
    String name, int partitions, int replicationFactor, SortedMap<String, String> configs) {

  public TopicSpec {
    configs = Collections.unmodifiableSortedMap(new TreeMap<>(configs));
  }
}
