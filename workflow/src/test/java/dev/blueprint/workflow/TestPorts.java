package dev.blueprint.workflow;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.workflow.activities.AdvicePort;
import dev.blueprint.workflow.activities.EngagementPorts;
import dev.blueprint.workflow.activities.Workspace;
import dev.blueprint.workflow.api.Finding;
import dev.blueprint.workflow.runtime.DefaultPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Ports for workflow tests: real files, the example's blueprint as the advice. */
public final class TestPorts {
  private TestPorts() {}

  public static Path root() {
    return Path.of(System.getProperty("blueprint.root", "..")).toAbsolutePath().normalize();
  }

  public static Path example(String file) {
    return root().resolve("examples/clickstream-analytics").resolve(file);
  }

  /** Proposes the example's hand-written blueprint and writes a short report. */
  public static AdvicePort exampleAdvice() {
    return (requirements, dir) -> {
      Files.copy(example("blueprint.yaml"), dir.resolve(AdvicePort.PROPOSAL));
      Files.writeString(
          dir.resolve("report.md"), "# Proposal for " + requirements.engagement().id() + "\n");
    };
  }

  /** One low finding per revision, so that the review's output is visible. */
  public static List<Finding> oneFinding(Blueprint b) {
    return List.of(
        new Finding(
            "BP-TEST-001", "LOW", b.engagement().id(), "a finding from the test reviewer", "none"));
  }

  /**
   * The real advisor, reviewer and git publisher on real files; the provisioning target is a folder
   * standing in for a Kafka cluster.
   */
  public static EngagementPorts ports(Workspace workspace, Path targets) {
    return DefaultPorts.create(workspace, "test", null, new FolderTarget(targets));
  }
}
