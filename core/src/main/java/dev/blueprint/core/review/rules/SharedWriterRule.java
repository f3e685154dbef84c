package dev.blueprint.core.review.rules;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Task;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.ReviewRule;
import dev.blueprint.core.review.Risk;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One dataset, one writing service: two pipelines writing the same table fight over it. */
public final class SharedWriterRule implements ReviewRule {

  @Override
  public String id() {
    return "RV-ISO-001";
  }

  @Override
  public Risk severity() {
    return Risk.HIGH;
  }

  @Override
  public String principle() {
    return "Make services as isolated as possible";
  }

  @Override
  public String bestPractice() {
    return "Each dataset is written by one service (pipeline); others read it or publish to a"
        + " stream the owner consumes.";
  }

  @Override
  public List<Finding> check(Blueprint bp) {
    List<Finding> out = new ArrayList<>();
    for (Dataset d : bp.architectureOrEmpty().datasets()) {
      Set<String> writers = new LinkedHashSet<>();
      for (Pipeline p : bp.architectureOrEmpty().pipelines()) {
        for (Task t : p.tasks()) {
          if (t.outputs().contains(d.name())) {
            writers.add(p.id());
          }
        }
      }
      if (writers.size() > 1) {
        out.add(
            finding(
                "dataset " + d.name(),
                "written by "
                    + writers.size()
                    + " pipelines ("
                    + String.join(", ", writers)
                    + "): their writes can overwrite each other, a change to one breaks the"
                    + " other, and no one owns the data.",
                "Let one pipeline own the writes; the others publish to it or write their own"
                    + " dataset."));
      }
    }
    return out;
  }
}
