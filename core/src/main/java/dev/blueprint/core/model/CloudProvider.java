package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The cloud provider, when the solution runs in a cloud. */
public enum CloudProvider {
  @JsonProperty("aws")
  AWS,
  @JsonProperty("azure")
  AZURE,
  @JsonProperty("gcp")
  GCP
}
