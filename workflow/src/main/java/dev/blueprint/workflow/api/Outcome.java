package dev.blueprint.workflow.api;

/** How an engagement ended, or RUNNING while it has not. */
public enum Outcome {
  RUNNING,
  COMPLETED,
  REJECTED,
  FAILED,
  CANCELLED;

  public boolean isFinal() {
    return this != RUNNING;
  }
}
