package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What kind of system a source is. */
public enum SourceKind {
  @JsonProperty("application-database")
  APPLICATION_DATABASE,
  @JsonProperty("cdc")
  CDC,
  @JsonProperty("clickstream")
  CLICKSTREAM,
  @JsonProperty("iot")
  IOT,
  @JsonProperty("files")
  FILES,
  @JsonProperty("api")
  API,
  @JsonProperty("events")
  EVENTS
}
