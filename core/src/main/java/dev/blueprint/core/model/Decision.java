package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;

/** An architecture decision record (MADR 4). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "id",
  "title",
  "status",
  "date",
  "decisionMakers",
  "context",
  "drivers",
  "options",
  "chosen",
  "rationale",
  "consequences",
  "confirmation"
})
public record Decision(
    @JsonPropertyDescription("e.g. ADR-001.") String id,
    String title,
    DecisionStatus status,
    LocalDate date,
    List<String> decisionMakers,
    @JsonPropertyDescription("Context and problem statement.") String context,
    @JsonPropertyDescription("Decision drivers: requirement ids or short statements.")
        List<String> drivers,
    @JsonPropertyDescription("Considered options with their pros and cons.")
        List<ConsideredOption> options,
    @JsonPropertyDescription("The name of the chosen option.") String chosen,
    @JsonPropertyDescription("Why the chosen option, in one or two sentences.") String rationale,
    Consequences consequences,
    @JsonPropertyDescription("How compliance with the decision is confirmed.")
        String confirmation) {

  public Decision {
    decisionMakers = Lists.copy(decisionMakers);
    drivers = Lists.copy(drivers);
    options = Lists.copy(options);
  }
}
