package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How often a source's schema changes. */
public enum SchemaStability {
  @JsonProperty("stable")
  STABLE,
  @JsonProperty("evolving")
  EVOLVING,
  @JsonProperty("volatile")
  VOLATILE,
  @JsonProperty("unknown")
  UNKNOWN
}
