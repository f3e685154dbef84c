package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a processing step keeps state between runs. */
public enum TaskState {
  @JsonProperty("none")
  NONE,
  @JsonProperty("store")
  STORE,
  @JsonProperty("local")
  LOCAL
}
