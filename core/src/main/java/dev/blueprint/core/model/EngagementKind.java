package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a solution is built from the ground up or an existing one is improved. */
public enum EngagementKind {
  @JsonProperty("build-new")
  BUILD_NEW,
  @JsonProperty("improve-existing")
  IMPROVE_EXISTING
}
