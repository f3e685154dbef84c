package dev.blueprint.core.advice.knowledge;

import java.util.List;

/** The knowledge behind one kind of decision: options, criteria, scores and knock-outs. */
public record DecisionDef(
    String decision,
    String title,
    String question,
    String confirmation,
    List<String> keywords,
    List<String> facts,
    List<OptionDef> options,
    List<CriterionDef> criteria,
    List<ScoreRule> scores,
    List<KnockoutRule> knockouts) {
  public DecisionDef {
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    facts = facts == null ? List.of() : List.copyOf(facts);
    options = options == null ? List.of() : List.copyOf(options);
    criteria = criteria == null ? List.of() : List.copyOf(criteria);
    scores = scores == null ? List.of() : List.copyOf(scores);
    knockouts = knockouts == null ? List.of() : List.copyOf(knockouts);
  }

  public OptionDef option(String id) {
    return options.stream().filter(o -> o.id().equals(id)).findFirst().orElse(null);
  }
}
