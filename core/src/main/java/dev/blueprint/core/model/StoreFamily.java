package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The family of store that holds a dataset. */
public enum StoreFamily {
  @JsonProperty("relational")
  RELATIONAL,
  @JsonProperty("document")
  DOCUMENT,
  @JsonProperty("key-value")
  KEY_VALUE,
  @JsonProperty("wide-column")
  WIDE_COLUMN,
  @JsonProperty("graph")
  GRAPH,
  @JsonProperty("object-storage")
  OBJECT_STORAGE
}
