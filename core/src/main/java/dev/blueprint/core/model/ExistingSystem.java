package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** The system an improve-existing engagement starts from. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ExistingSystem(
    String description,
    @JsonPropertyDescription("Components that exist today, e.g. 'PostgreSQL 13 orders database'.")
        List<String> components,
    @JsonPropertyDescription("What hurts today.") List<String> painPoints,
    @JsonPropertyDescription(
            "The systems that exist today as facts (version 2): technology, role, what they hold,"
                + " capacity, and whether to keep them.")
        List<ExistingComponent> systems) {

  public ExistingSystem {
    components = Lists.copy(components);
    painPoints = Lists.copy(painPoints);
    systems = Lists.copy(systems);
  }
}
