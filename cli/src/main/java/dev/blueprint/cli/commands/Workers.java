package dev.blueprint.cli.commands;

import dev.blueprint.cli.VersionProvider;
import dev.blueprint.workflow.activities.EngagementActivitiesImpl;
import dev.blueprint.workflow.activities.StepHooks;
import dev.blueprint.workflow.activities.Workspace;
import dev.blueprint.workflow.runtime.DefaultPorts;
import java.nio.file.Path;

/** The activities a worker started from the command line runs. */
final class Workers {
  private Workers() {}

  static EngagementActivitiesImpl activities(Path root) {
    return activities(root, new TargetOptions());
  }

  static EngagementActivitiesImpl activities(Path root, TargetOptions targets) {
    Workspace workspace = new Workspace(root);
    return new EngagementActivitiesImpl(
        workspace,
        DefaultPorts.create(
            workspace, VersionProvider.version(), targets.gitRemote(), targets.provisioner()),
        StepHooks.NONE);
  }
}
