package dev.blueprint.workflow.api;

import java.util.List;

/**
 * How an engagement ended (returned for COMPLETED and REJECTED; FAILED and CANCELLED end the
 * workflow as failed or cancelled, and the status query still tells the same story).
 */
public record EngagementResult(
    String slug,
    Outcome outcome,
    int revision,
    EngagementPaths paths,
    List<DecisionRecord> decisions,
    List<String> compensationsRun,
    String failure) {

  public EngagementResult {
    decisions = decisions == null ? List.of() : List.copyOf(decisions);
    compensationsRun = compensationsRun == null ? List.of() : List.copyOf(compensationsRun);
  }
}
