package dev.blueprint.core.advice.knowledge;

import java.util.List;

/**
 * Rules an option out when its conditions hold, whatever its score: e.g. Kinesis when more than 365
 * days of retention are needed. The resolution tells the problem owner what would make the option
 * possible again.
 */
public record KnockoutRule(
    String id,
    String option,
    List<Condition> when,
    String reason,
    String resolution,
    String source) {
  public KnockoutRule {
    when = when == null ? List.of() : List.copyOf(when);
  }
}
