package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether every record has the same attributes, or they vary per item or category. */
public enum DataShape {
  @JsonProperty("fixed")
  FIXED,
  @JsonProperty("varies")
  VARIES
}
