package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A place data comes from. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Source(
    String id,
    SourceKind kind,
    String description,
    @JsonPropertyDescription("How much arrives; unknown volumes become open questions.")
        Volume volume,
    @JsonPropertyDescription("How often the source's schema changes.")
        SchemaStability schemaStability,
    @JsonPropertyDescription(
            "True when one key's events must stay in the order they happened (version 2).")
        Boolean orderPerKey,
    @JsonPropertyDescription(
            "True when its producers validate what they write against a schema (version 2).")
        Boolean validated) {

  /** A source described by the version-1 facts only. */
  public Source(
      String id,
      SourceKind kind,
      String description,
      Volume volume,
      SchemaStability schemaStability) {
    this(id, kind, description, volume, schemaStability, null, null);
  }
}
