package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** An Airflow task group; its tasks' full ids are "group.task". */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TaskGroup(
    @JsonPropertyDescription("Group id: [A-Za-z0-9_-], at most 200 characters.") String id,
    String description) {}
