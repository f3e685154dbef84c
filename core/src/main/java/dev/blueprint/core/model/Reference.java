package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A field that points at a record elsewhere, e.g. a graph node that holds the id of a customer row
 * in the relational database.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Reference(
    @JsonPropertyDescription("The field in this dataset.") String field,
    @JsonPropertyDescription("The dataset that holds the referenced record.") String dataset,
    @JsonPropertyDescription("The referenced field; defaults to that dataset's primary key.")
        String targetField) {}
