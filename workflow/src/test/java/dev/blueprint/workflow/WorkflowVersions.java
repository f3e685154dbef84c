package dev.blueprint.workflow;

import java.util.List;

/**
 * The workflow's versions, each with saved histories: v1 is the first release; later ones are the
 * {@code Workflow.getVersion} changes listed in EngagementWorkflowImpl.
 */
final class WorkflowVersions {
  private WorkflowVersions() {}

  static final List<String> ALL = List.of("v1", "v2", "v3", "v4");

  /** The version the code runs now: histories saved today get this suffix. */
  static final String CURRENT = "v4";
}
