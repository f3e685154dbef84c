package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Functional and non-functional requirements. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Requirements(
    List<FunctionalRequirement> functional,
    @JsonPropertyDescription(
            "Measurable requirements: metric, comparator, value, unit, scope and time frame.")
        List<NonFunctionalRequirement> nonFunctional) {

  public static final Requirements EMPTY = new Requirements(List.of(), List.of());

  public Requirements {
    functional = Lists.copy(functional);
    nonFunctional = Lists.copy(nonFunctional);
  }
}
