package dev.blueprint.workflow;

import dev.blueprint.workflow.activities.EngagementPorts;
import dev.blueprint.workflow.activities.Workspace;
import dev.blueprint.workflow.runtime.DefaultPorts;
import java.nio.file.Path;

/** Ports for workflow tests: the real steps on real files, a folder as the provisioning target. */
public final class TestPorts {
  private TestPorts() {}

  public static Path root() {
    return Path.of(System.getProperty("blueprint.root", "..")).toAbsolutePath().normalize();
  }

  public static Path example(String file) {
    return root().resolve("examples/clickstream-analytics").resolve(file);
  }

  /**
   * The real advisor, reviewer and git publisher on real files; the provisioning target is a folder
   * standing in for a Kafka cluster.
   */
  public static EngagementPorts ports(Workspace workspace, Path targets) {
    return DefaultPorts.create(workspace, "test", null, new FolderTarget(targets));
  }
}
