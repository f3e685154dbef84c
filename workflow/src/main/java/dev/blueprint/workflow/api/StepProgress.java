package dev.blueprint.workflow.api;

import java.util.ArrayList;
import java.util.List;

/** One step's state and a short note (e.g. "3 findings", "revision 2"). */
public record StepProgress(Step step, StepState state, String note) {

  /** Every step of an engagement, none begun: where a first run starts. */
  public static List<StepProgress> allPending() {
    List<StepProgress> steps = new ArrayList<>();
    for (Step s : Step.values()) {
      if (s != Step.DONE) {
        steps.add(new StepProgress(s, StepState.PENDING, ""));
      }
    }
    return steps;
  }

  public StepProgress with(StepState newState, String newNote) {
    return new StepProgress(step, newState, newNote);
  }
}
