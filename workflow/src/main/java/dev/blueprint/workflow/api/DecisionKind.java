package dev.blueprint.workflow.api;

/** What happened in the review. */
public enum DecisionKind {
  APPROVE,
  AUTO_APPROVE,
  REJECT,
  REQUEST_CHANGES,
  COMMENT,
  REMINDER,
  ESCALATION,
  /** A change request whose revision could not be opened; the review went on without it. */
  REVISION_REFUSED,
  /** The engagement was resumed from its checkpoint on a server that had lost it. */
  RESUMED
}
