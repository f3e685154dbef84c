package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who runs the technology: the team itself, a provider's managed service, or serverless. */
public enum Operations {
  @JsonProperty("self-managed")
  SELF_MANAGED,
  @JsonProperty("managed")
  MANAGED,
  @JsonProperty("serverless")
  SERVERLESS
}
