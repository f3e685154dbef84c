package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the solution must do. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FunctionalRequirement(String id, String text) {}
