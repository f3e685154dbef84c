package dev.blueprint.workflow.api;

/**
 * One finding of the automated review, as the workflow carries it (a plain copy of the core
 * reviewer's finding, so that workflow histories do not depend on core's classes).
 */
public record Finding(String ruleId, String severity, String element, String why, String fix) {

  public String format() {
    return severity
        + " "
        + ruleId
        + " "
        + element
        + ": "
        + why
        + (fix == null ? "" : " Fix: " + fix);
  }
}
