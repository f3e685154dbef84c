package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** Functional and non-functional requirements. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"functional", "nonFunctional", "constraints"})
public record Requirements(
    List<FunctionalRequirement> functional,
    @JsonPropertyDescription(
            "Measurable requirements: metric, comparator, value, unit, scope and time frame.")
        List<NonFunctionalRequirement> nonFunctional,
    @JsonPropertyDescription(
            "Optional. Technologies a stakeholder insists on (e.g. Kinesis as the company"
                + " standard); the advisor honours them or explains the conflict.")
        List<Constraint> constraints) {

  public static final Requirements EMPTY = new Requirements(List.of(), List.of(), List.of());

  public Requirements {
    functional = Lists.copy(functional);
    nonFunctional = Lists.copy(nonFunctional);
    constraints = Lists.copy(constraints);
  }

  /** Requirements without constraints. */
  public Requirements(
      List<FunctionalRequirement> functional, List<NonFunctionalRequirement> nonFunctional) {
    this(functional, nonFunctional, List.of());
  }
}
