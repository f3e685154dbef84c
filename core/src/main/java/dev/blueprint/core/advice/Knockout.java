package dev.blueprint.core.advice;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** An option ruled out by a knock-out rule, with the requirements that rule it out. */
@JsonPropertyOrder({"rule", "option", "reason", "drivers", "resolution", "source"})
public record Knockout(
    String rule,
    String option,
    String reason,
    List<String> drivers,
    String resolution,
    String source) {
  public Knockout {
    drivers = List.copyOf(drivers);
  }
}
