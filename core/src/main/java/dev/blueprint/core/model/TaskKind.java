package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What kind of operator a task becomes. */
public enum TaskKind {
  @JsonProperty("bash")
  BASH,
  @JsonProperty("python")
  PYTHON,
  @JsonProperty("sql")
  SQL,
  @JsonProperty("spark")
  SPARK,
  @JsonProperty("sensor")
  SENSOR,
  @JsonProperty("empty")
  EMPTY
}
