package dev.blueprint.core.review.rules;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Task;
import dev.blueprint.core.model.TaskState;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.ReviewRule;
import dev.blueprint.core.review.Risk;
import java.util.ArrayList;
import java.util.List;

/** Start stateless: a step that keeps state on its worker cannot be retried or moved. */
public final class LocalStateRule implements ReviewRule {

  @Override
  public String id() {
    return "RV-STATE-001";
  }

  @Override
  public Risk severity() {
    return Risk.MEDIUM;
  }

  @Override
  public String principle() {
    return "Start stateless";
  }

  @Override
  public String bestPractice() {
    return "Processing steps keep no state on the worker; state lives in a dataset or stream.";
  }

  @Override
  public List<Finding> check(Blueprint bp) {
    List<Finding> out = new ArrayList<>();
    for (Pipeline p : bp.architectureOrEmpty().pipelines()) {
      for (Task t : p.tasks()) {
        if (t.state() == TaskState.LOCAL) {
          out.add(
              finding(
                  "pipeline " + p.id() + " task " + t.fullId(),
                  "it keeps state on the worker's disk or memory: a retry on another worker"
                      + " starts from nothing, and the worker cannot be replaced or scaled.",
                  "Keep the state in a dataset or stream (state: store), e.g. a checkpoint"
                      + " table or the consumer group's committed offsets."));
        }
      }
    }
    return out;
  }
}
