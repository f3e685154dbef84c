package dev.blueprint.core.review;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One thing a review found: the rule, how bad it is, the element it concerns (e.g. {@code stream
 * web.page-views.v1}), why it matters and how to fix it.
 */
@JsonPropertyOrder({"ruleId", "severity", "element", "why", "fix"})
public record Finding(String ruleId, Risk severity, String element, String why, String fix) {

  /** One line for a terminal: {@code HIGH RV-SPOF-001 stream x: why Fix: fix}. */
  public String format() {
    return severity + " " + ruleId + " " + element + ": " + why + " Fix: " + fix;
  }
}
