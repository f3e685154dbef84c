package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The refinement zone of a dataset. */
public enum Zone {
  @JsonProperty("raw")
  RAW,
  @JsonProperty("clean")
  CLEAN,
  @JsonProperty("curated")
  CURATED,
  @JsonProperty("serving")
  SERVING
}
