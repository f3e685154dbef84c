package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a dataset is to the business: the system of record, derived from others, or a cache. */
public enum DataRole {
  @JsonProperty("system-of-record")
  SYSTEM_OF_RECORD,
  @JsonProperty("derived")
  DERIVED,
  @JsonProperty("cache")
  CACHE
}
