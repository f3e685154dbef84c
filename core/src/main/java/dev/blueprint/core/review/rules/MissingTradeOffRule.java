package dev.blueprint.core.review.rules;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Decision;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.ReviewRule;
import dev.blueprint.core.review.Risk;
import java.util.ArrayList;
import java.util.List;

/** There is always a trade-off: a decision that records no downside has not found it yet. */
public final class MissingTradeOffRule implements ReviewRule {

  @Override
  public String id() {
    return "RV-TRADE-001";
  }

  @Override
  public Risk severity() {
    return Risk.MEDIUM;
  }

  @Override
  public String principle() {
    return "There is always a trade-off";
  }

  @Override
  public String bestPractice() {
    return "Every decision record states at least one bad consequence of the chosen option.";
  }

  @Override
  public List<Finding> check(Blueprint bp) {
    List<Finding> out = new ArrayList<>();
    for (Decision d : bp.architectureOrEmpty().decisions()) {
      if (d.consequences() == null || d.consequences().bad().isEmpty()) {
        out.add(
            finding(
                "decision " + d.id(),
                "it records no bad consequence: the cost of the choice is hidden from the"
                    + " people who will live with it.",
                "Add consequences.bad, e.g. what it costs to run, what it makes harder, or what"
                    + " the runner-up would have done better."));
      }
    }
    return out;
  }
}
