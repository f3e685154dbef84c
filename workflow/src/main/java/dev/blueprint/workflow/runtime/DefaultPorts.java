package dev.blueprint.workflow.runtime;

import dev.blueprint.core.advice.Advice;
import dev.blueprint.core.advice.AdviceWriter;
import dev.blueprint.core.advice.Advisor;
import dev.blueprint.core.review.Reviewer;
import dev.blueprint.workflow.activities.AdvicePort;
import dev.blueprint.workflow.activities.EngagementPorts;
import dev.blueprint.workflow.activities.FileNotifier;
import dev.blueprint.workflow.activities.GitTargetPublisher;
import dev.blueprint.workflow.activities.ProvisionPort;
import dev.blueprint.workflow.activities.ReviewPort;
import dev.blueprint.workflow.activities.Workspace;
import dev.blueprint.workflow.api.Finding;

/** The ports a production worker uses: core's advisor and reviewer, the targets' publisher. */
public final class DefaultPorts {
  private DefaultPorts() {}

  /**
   * The advisor: proposal, report and decision records into the advice folder. Returns the proposed
   * blueprint, which the written file reads back to (ProposalReadsBackTest in core).
   */
  public static AdvicePort advisor() {
    return (requirements, dir) -> {
      Advice advice = Advisor.advise(requirements);
      AdviceWriter.write(advice, dir);
      return advice.proposal();
    };
  }

  /** The reviewer's findings, copied into the workflow's own record. */
  public static ReviewPort reviewer() {
    return blueprint ->
        Reviewer.review(blueprint).stream()
            .map(f -> new Finding(f.ruleId(), f.severity().name(), f.element(), f.why(), f.fix()))
            .toList();
  }

  /**
   * @param remoteTemplate where to push published repositories ({@code {engagement}} is replaced by
   *     the engagement id), or null
   * @param provision the provisioning targets, {@link ProvisionPort#NONE} when none is configured
   */
  public static EngagementPorts create(
      Workspace workspace, String version, String remoteTemplate, ProvisionPort provision) {
    return new EngagementPorts(
        advisor(),
        reviewer(),
        provision,
        new GitTargetPublisher(remoteTemplate),
        new FileNotifier(workspace),
        version);
  }

  public static EngagementPorts create(Workspace workspace, String version) {
    return create(workspace, version, null, ProvisionPort.NONE);
  }
}
