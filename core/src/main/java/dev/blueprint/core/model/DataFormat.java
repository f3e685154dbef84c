package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The file or message format of a dataset. */
public enum DataFormat {
  @JsonProperty("csv")
  CSV,
  @JsonProperty("avro")
  AVRO,
  @JsonProperty("parquet")
  PARQUET,
  @JsonProperty("json")
  JSON
}
