package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kafka's cleanup.policy: delete for event streams, compact for entity or changelog topics. */
public enum CleanupPolicy {
  @JsonProperty("delete")
  DELETE("delete"),
  @JsonProperty("compact")
  COMPACT("compact"),
  @JsonProperty("compact,delete")
  COMPACT_DELETE("compact,delete");

  private final String kafkaValue;

  CleanupPolicy(String kafkaValue) {
    this.kafkaValue = kafkaValue;
  }

  /** The value of Kafka's cleanup.policy config. */
  public String kafkaValue() {
    return kafkaValue;
  }
}
