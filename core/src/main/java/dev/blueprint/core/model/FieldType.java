package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Logical field types; each renderer maps them to its own language's types. */
public enum FieldType {
  @JsonProperty("string")
  STRING,
  @JsonProperty("int")
  INT,
  @JsonProperty("long")
  LONG,
  @JsonProperty("double")
  DOUBLE,
  @JsonProperty("decimal")
  DECIMAL,
  @JsonProperty("boolean")
  BOOLEAN,
  @JsonProperty("date")
  DATE,
  @JsonProperty("timestamp")
  TIMESTAMP,
  @JsonProperty("uuid")
  UUID,
  @JsonProperty("bytes")
  BYTES,
  @JsonProperty("json")
  JSON
}
