package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an existing system does today. */
public enum SystemRole {
  @JsonProperty("system-of-record")
  SYSTEM_OF_RECORD,
  @JsonProperty("derived")
  DERIVED,
  @JsonProperty("cache")
  CACHE,
  @JsonProperty("messaging")
  MESSAGING,
  @JsonProperty("scheduler")
  SCHEDULER
}
