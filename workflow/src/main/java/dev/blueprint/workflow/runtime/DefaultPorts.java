package dev.blueprint.workflow.runtime;

import dev.blueprint.workflow.activities.AdvicePort;
import dev.blueprint.workflow.activities.EngagementPorts;
import dev.blueprint.workflow.activities.FileNotifier;
import dev.blueprint.workflow.activities.GitCliPublisher;
import dev.blueprint.workflow.activities.ProvisionPort;
import dev.blueprint.workflow.activities.ReviewPort;
import dev.blueprint.workflow.activities.Workspace;
import io.temporal.failure.ApplicationFailure;
import java.util.List;

/** The ports a production worker uses. */
public final class DefaultPorts {
  private DefaultPorts() {}

  public static EngagementPorts create(Workspace workspace, String version) {
    AdvicePort advice =
        (requirements, dir) -> {
          throw ApplicationFailure.newNonRetryableFailure(
              "the advisor is not part of this build", "InvalidInput");
        };
    ReviewPort review = blueprint -> List.of();
    return new EngagementPorts(
        advice,
        review,
        ProvisionPort.NONE,
        new GitCliPublisher(),
        new FileNotifier(workspace),
        version);
  }
}
