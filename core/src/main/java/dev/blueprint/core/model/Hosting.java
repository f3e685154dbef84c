package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where the solution runs: on the organisation's own machines or at a cloud provider. */
public enum Hosting {
  @JsonProperty("self-hosted")
  SELF_HOSTED,
  @JsonProperty("cloud")
  CLOUD
}
