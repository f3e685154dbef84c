package dev.blueprint.workflow.api;

/**
 * A compensation the saga holds: undo what {@code step} did (for a revision-specific step, of that
 * revision). Registered before the step runs, so it must cope with a step that did nothing.
 */
public record Compensation(Step step, int revision) {

  public String label() {
    return switch (step) {
      case INTAKE -> "discard workspace";
      case ADVISE -> "discard advice";
      case REVIEW -> "discard review of revision " + revision;
      case HUMAN_REVIEW -> "discard revision " + revision;
      case GENERATE -> "discard generated repository";
      case PROVISION -> "deprovision targets";
      case PUBLISH -> "unpublish repository";
      case DONE -> "nothing";
    };
  }
}
