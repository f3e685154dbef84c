package dev.blueprint.core.review;

import dev.blueprint.core.model.Blueprint;
import java.util.List;

/**
 * One review rule, modelled on a Well-Architected question: the principle it belongs to, the
 * question it asks, the best practice it checks and the risk of not following it.
 */
public interface ReviewRule {

  /** Stable id, e.g. RV-SPOF-001. */
  String id();

  /** The risk of every finding of this rule. */
  Risk severity();

  /** The architecture principle, e.g. "Avoid single points of failure". */
  String principle();

  /** The best practice the rule checks, as a sentence. */
  String bestPractice();

  /** The findings for {@code blueprint}, in the blueprint's order. */
  List<Finding> check(Blueprint blueprint);

  /** A finding of this rule. */
  default Finding finding(String element, String why, String fix) {
    return new Finding(id(), severity(), element, why, fix);
  }
}
