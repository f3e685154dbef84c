package dev.blueprint.core.validate;

import dev.blueprint.core.load.LoadedBlueprint;
import dev.blueprint.core.load.Suggestions;
import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What a rule sees: the blueprint, where its elements stand, and where to report. */
final class Context {
  private final LoadedBlueprint loaded;
  private final List<Problem> problems = new ArrayList<>();

  Context(LoadedBlueprint loaded) {
    this.loaded = loaded;
  }

  Blueprint blueprint() {
    return loaded.blueprint();
  }

  Architecture architecture() {
    return loaded.blueprint().architectureOrEmpty();
  }

  /** True when the file has an architecture, so that names can be resolved against it. */
  boolean isBlueprint() {
    return loaded.blueprint().isBlueprint();
  }

  void error(String ruleId, String path, String message) {
    report(Severity.ERROR, ruleId, path, message, null);
  }

  void error(String ruleId, String path, String message, String hint) {
    report(Severity.ERROR, ruleId, path, message, hint);
  }

  void warning(String ruleId, String path, String message, String hint) {
    report(Severity.WARNING, ruleId, path, message, hint);
  }

  void report(Severity severity, String ruleId, String path, String message, String hint) {
    problems.add(
        new Problem(
            ruleId, severity, loaded.sourceMap().locate(path), path, message, emptyToNull(hint)));
  }

  /** "did you mean 'x'?" for a mistyped name, or null. */
  static String didYouMean(String name, Collection<String> candidates) {
    if (name == null) {
      return null;
    }
    String s = Suggestions.closest(name, candidates);
    return s == null ? null : "did you mean '" + s + "'?";
  }

  List<Problem> problems() {
    return problems;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
