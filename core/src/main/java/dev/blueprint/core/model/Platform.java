package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The messaging platform of a stream. */
public enum Platform {
  @JsonProperty("kafka")
  KAFKA,
  @JsonProperty("kinesis")
  KINESIS,
  @JsonProperty("event-bus")
  EVENT_BUS
}
