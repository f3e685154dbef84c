package dev.blueprint.workflow.api;

/** One step's state and a short note (e.g. "3 findings", "revision 2"). */
public record StepProgress(Step step, StepState state, String note) {

  public StepProgress with(StepState newState, String newNote) {
    return new StepProgress(step, newState, newNote);
  }
}
