package dev.blueprint.workflow.activities;

import dev.blueprint.workflow.api.Step;

/**
 * Called around every step's side effect. Production uses {@link #NONE}; tests inject faults
 * (before or after the side effect) and hold a step to kill its worker.
 */
public interface StepHooks {

  /** Where in a step a hook is called. */
  enum Phase {
    BEFORE,
    AFTER
  }

  void at(Step step, Phase phase);

  StepHooks NONE = (step, phase) -> {};
}
