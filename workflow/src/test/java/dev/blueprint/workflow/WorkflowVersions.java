package dev.blueprint.workflow;

import java.util.List;

/**
 * The workflow's versions, each with saved histories: v1 is the first release; later ones are the
 * {@code Workflow.getVersion} changes listed in EngagementWorkflowImpl (v5, keep-review-open,
 * changed only a failure path that no saved scenario takes, so it has no histories of its own).
 */
final class WorkflowVersions {
  private WorkflowVersions() {}

  static final List<String> ALL = List.of("v1", "v2", "v3", "v4", "v6", "v7");

  /** The version the code runs now: histories saved today get this suffix. */
  static final String CURRENT = "v7";
}
