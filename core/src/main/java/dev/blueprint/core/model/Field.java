package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A column, attribute or property of a dataset. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Field(
    @JsonPropertyDescription("snake_case name.") String name,
    FieldType type,
    @JsonPropertyDescription("Whether the value may be missing; default true.") Boolean nullable,
    String description) {

  /** Nullable unless said otherwise. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isNullable() {
    return nullable == null || nullable;
  }
}
