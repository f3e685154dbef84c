package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a field's value becomes a partition value. */
public enum PartitionTransform {
  @JsonProperty("identity")
  IDENTITY,
  @JsonProperty("year")
  YEAR,
  @JsonProperty("month")
  MONTH,
  @JsonProperty("day")
  DAY,
  @JsonProperty("hour")
  HOUR
}
