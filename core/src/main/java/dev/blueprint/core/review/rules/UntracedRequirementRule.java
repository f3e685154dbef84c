package dev.blueprint.core.review.rules;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Decision;
import dev.blueprint.core.model.FunctionalRequirement;
import dev.blueprint.core.model.NonFunctionalRequirement;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.ReviewRule;
import dev.blueprint.core.review.Risk;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every requirement drives at least one decision, so that it can be traced to the design. */
public final class UntracedRequirementRule implements ReviewRule {

  @Override
  public String id() {
    return "RV-REQ-002";
  }

  @Override
  public Risk severity() {
    return Risk.LOW;
  }

  @Override
  public String principle() {
    return "Meet the requirements";
  }

  @Override
  public String bestPractice() {
    return "Each requirement id appears among the drivers of at least one decision record.";
  }

  @Override
  public List<Finding> check(Blueprint bp) {
    List<Finding> out = new ArrayList<>();
    List<Decision> decisions = bp.architectureOrEmpty().decisions();
    if (decisions.isEmpty()) {
      return out;
    }
    Set<String> traced = new HashSet<>();
    decisions.forEach(d -> traced.addAll(d.drivers()));
    List<String> ids = new ArrayList<>();
    bp.requirements().functional().stream().map(FunctionalRequirement::id).forEach(ids::add);
    bp.requirements().nonFunctional().stream().map(NonFunctionalRequirement::id).forEach(ids::add);
    for (String id : ids) {
      if (id != null && !traced.contains(id)) {
        out.add(
            finding(
                "requirement " + id,
                "no decision record names it as a driver, so nobody can show where the design"
                    + " meets it.",
                "Add " + id + " to the drivers of the decision that meets it."));
      }
    }
    return out;
  }
}
