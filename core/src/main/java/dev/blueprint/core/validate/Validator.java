package dev.blueprint.core.validate;

import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.load.LoadedBlueprint;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.problem.Severity;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** Semantic checks of a loaded blueprint; each rule has a stable id. */
public final class Validator {
  private static final List<Rule> RULES =
      List.of(
          new RequiredFieldRules(),
          new IdRules(),
          new ReferenceRules(),
          new DagRules(),
          new KafkaRules(),
          new KinesisRules(),
          new AirflowRules(),
          new RangeRules(),
          new RetentionRules(),
          new PathRules(),
          new NfrRules(),
          new DecisionRules());

  private Validator() {}

  /** Every problem found in {@code loaded}, errors and warnings, in file order. */
  public static List<Problem> validate(LoadedBlueprint loaded) {
    Context context = new Context(loaded);
    for (Rule rule : RULES) {
      rule.check(context);
    }
    return context.problems().stream()
        .sorted(
            Comparator.comparingInt((Problem p) -> p.location().line())
                .thenComparingInt(p -> p.location().column())
                .thenComparing(Problem::ruleId))
        .toList();
  }

  /** Loads and validates a file; throws with every error found. Warnings are not errors. */
  public static LoadedBlueprint loadValid(Path file) throws ProblemException {
    return valid(BlueprintLoader.load(file));
  }

  /**
   * Parses and validates a file's bytes (named {@code name} in problems), as {@link #loadValid}.
   */
  public static LoadedBlueprint loadValid(String name, byte[] bytes) throws ProblemException {
    return valid(BlueprintLoader.parse(name, bytes));
  }

  private static LoadedBlueprint valid(LoadedBlueprint loaded) throws ProblemException {
    List<Problem> errors =
        validate(loaded).stream().filter(p -> p.severity() == Severity.ERROR).toList();
    if (!errors.isEmpty()) {
      throw new ProblemException(errors);
    }
    return loaded;
  }

  /** The keys every element of a type must have, for the JSON Schema. */
  public static List<String> requiredKeys(Class<?> modelType) {
    return RequiredFieldRules.REQUIRED.getOrDefault(modelType, List.of());
  }
}
