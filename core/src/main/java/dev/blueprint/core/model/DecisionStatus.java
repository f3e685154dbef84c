package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** MADR status of a decision. */
public enum DecisionStatus {
  @JsonProperty("proposed")
  PROPOSED,
  @JsonProperty("accepted")
  ACCEPTED,
  @JsonProperty("rejected")
  REJECTED,
  @JsonProperty("deprecated")
  DEPRECATED,
  @JsonProperty("superseded")
  SUPERSEDED
}
