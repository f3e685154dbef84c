package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The quality a non-functional requirement is about. */
public enum NfrCategory {
  @JsonProperty("latency")
  LATENCY,
  @JsonProperty("throughput")
  THROUGHPUT,
  @JsonProperty("availability")
  AVAILABILITY,
  @JsonProperty("durability")
  DURABILITY,
  @JsonProperty("retention")
  RETENTION,
  @JsonProperty("replay")
  REPLAY,
  @JsonProperty("freshness")
  FRESHNESS,
  @JsonProperty("scalability")
  SCALABILITY,
  @JsonProperty("consistency")
  CONSISTENCY,
  @JsonProperty("cost")
  COST,
  @JsonProperty("security")
  SECURITY,
  @JsonProperty("other")
  OTHER
}
