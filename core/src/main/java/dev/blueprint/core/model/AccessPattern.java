package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a consumer reads the data; the fact that decides a store family more than any other. */
public enum AccessPattern {
  @JsonProperty("key-lookup")
  KEY_LOOKUP,
  @JsonProperty("range-scan")
  RANGE_SCAN,
  @JsonProperty("analytical-scan")
  ANALYTICAL_SCAN,
  @JsonProperty("traversal")
  TRAVERSAL,
  @JsonProperty("full-text-search")
  FULL_TEXT_SEARCH,
  @JsonProperty("event-subscription")
  EVENT_SUBSCRIPTION,
  @JsonProperty("file-export")
  FILE_EXPORT
}
