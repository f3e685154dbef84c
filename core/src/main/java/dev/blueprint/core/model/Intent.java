package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the engagement does with an existing system: keep it (the default), replace it, or not
 * decided yet.
 */
public enum Intent {
  @JsonProperty("keep")
  KEEP,
  @JsonProperty("replace")
  REPLACE,
  @JsonProperty("open")
  OPEN
}
