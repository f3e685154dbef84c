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
        SchemaStability schemaStability) {}
