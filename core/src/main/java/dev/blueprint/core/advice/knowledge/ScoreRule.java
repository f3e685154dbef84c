package dev.blueprint.core.advice.knowledge;

import java.util.List;

/**
 * A score of 0 (useless) to 5 (best) for one option on one criterion, with its reason and the
 * source of the fact behind it. The first rule whose conditions hold wins.
 */
public record ScoreRule(
    String option,
    String criterion,
    Integer score,
    String reason,
    List<Condition> when,
    String source) {
  public ScoreRule {
    when = when == null ? List.of() : List.copyOf(when);
  }
}
