package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A problem owner or stakeholder. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Person(String name, String role, String contact) {}
