package dev.blueprint.core.advice;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A constraint that asks for an option the requirements rule out: explained, never resolved
 * silently.
 */
@JsonPropertyOrder({
  "constraint",
  "raisedBy",
  "requires",
  "decision",
  "subject",
  "rule",
  "requirements",
  "explanation",
  "chosenInstead",
  "resolution"
})
public record Conflict(
    String constraint,
    String raisedBy,
    String requires,
    String decision,
    String subject,
    String rule,
    List<String> requirements,
    String explanation,
    String chosenInstead,
    String resolution) {
  public Conflict {
    requirements = List.copyOf(requirements);
  }

  /** One paragraph for a terminal or a report. */
  public String message() {
    return "Constraint "
        + constraint
        + (raisedBy == null ? "" : " (" + raisedBy + ")")
        + " requires "
        + requires
        + " for "
        + subject
        + ", but "
        + (requirements.isEmpty() ? "the requirements" : String.join(", ", requirements))
        + (requirements.size() == 1 ? " rules" : " rule")
        + " it out ("
        + rule
        + "): "
        + explanation
        + " The proposal uses "
        + chosenInstead
        + " instead. To keep "
        + requires
        + ": "
        + resolution;
  }
}
