package dev.blueprint.core.advice.knowledge;

import java.util.List;
import java.util.Map;

/**
 * The knowledge the advisor scores with: decisions (options, criteria, scores, knock-outs),
 * thresholds behind derived settings, starter schemas per source kind and the SMART vocabulary.
 * Loaded from YAML by {@link KnowledgeLoader}; every rule cites its source.
 */
public record Knowledge(
    Map<String, DecisionDef> decisions,
    Map<String, Threshold> thresholds,
    Map<String, SourceTemplate> sources,
    List<String> consolidationKeywords,
    Map<String, List<String>> accessKeywords,
    List<String> vagueWords,
    Map<String, String> rewrites,
    List<String> files) {

  public Knowledge {
    decisions = Map.copyOf(decisions);
    thresholds = Map.copyOf(thresholds);
    sources = Map.copyOf(sources);
    consolidationKeywords = List.copyOf(consolidationKeywords);
    accessKeywords = Map.copyOf(accessKeywords);
    vagueWords = List.copyOf(vagueWords);
    rewrites = Map.copyOf(rewrites);
    files = List.copyOf(files);
  }

  /** The built-in knowledge base. */
  public static Knowledge builtIn() {
    return KnowledgeLoader.builtIn();
  }

  public DecisionDef decision(String id) {
    DecisionDef d = decisions.get(id);
    if (d == null) {
      throw new IllegalStateException("the knowledge base has no decision '" + id + "'");
    }
    return d;
  }

  /** A threshold's value. */
  public double number(String id) {
    Threshold t = thresholds.get(id);
    if (t == null) {
      throw new IllegalStateException("the knowledge base has no threshold '" + id + "'");
    }
    return t.value();
  }

  public Threshold threshold(String id) {
    number(id);
    return thresholds.get(id);
  }

  /** The option with this id in any decision, as "decision/option", or null. */
  public String decisionOf(String optionId) {
    return decisions.values().stream()
        .filter(d -> d.option(optionId) != null)
        .map(DecisionDef::decision)
        .sorted()
        .findFirst()
        .orElse(null);
  }
}
