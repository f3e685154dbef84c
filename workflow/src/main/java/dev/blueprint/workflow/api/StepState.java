package dev.blueprint.workflow.api;

/** Where one step stands. */
public enum StepState {
  PENDING,
  RUNNING,
  DONE,
  SKIPPED,
  FAILED,
  COMPENSATED
}
