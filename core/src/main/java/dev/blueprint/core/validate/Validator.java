package dev.blueprint.core.validate;

import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.load.LoadedBlueprint;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.problem.Severity;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

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
          new FactRules(),
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
    List<Problem> errors = errors(loaded);
    if (!errors.isEmpty()) {
      throw new ProblemException(errors);
    }
    return loaded;
  }

  private static List<Problem> errors(LoadedBlueprint loaded) {
    return validate(loaded).stream().filter(p -> p.severity() == Severity.ERROR).toList();
  }

  /**
   * Starts validating {@code loaded} on a thread of its own, so that work needing only the loaded
   * model (rendering into a staging folder) can run meanwhile; {@link Pending#await()} then gives
   * what {@link #loadValid} gives.
   */
  public static Pending validateInBackground(LoadedBlueprint loaded) {
    FutureTask<List<Problem>> task = new FutureTask<>(() -> errors(loaded));
    Thread thread = new Thread(task, "blueprint-validate");
    thread.setDaemon(true);
    thread.start();
    return new Pending(loaded.blueprint(), task);
  }

  /**
   * A validation running on a thread of its own. It holds the blueprint, not what was loaded with
   * it (the source map keeps the file's text for locating problems: tens of MB for a large file,
   * needed only until the validation ends).
   */
  public static final class Pending {
    private final Blueprint blueprint;
    private final FutureTask<List<Problem>> errors;

    private Pending(Blueprint blueprint, FutureTask<List<Problem>> errors) {
      this.blueprint = blueprint;
      this.errors = errors;
    }

    /** The blueprint being validated: not known to be valid until {@link #await()} returns. */
    public Blueprint blueprint() {
      return blueprint;
    }

    /** True once the validation has ended and found no error. Does not wait. */
    public boolean passed() {
      return errors.isDone() && outcome() instanceof List<?> l && l.isEmpty();
    }

    /** True once the validation has ended with errors (or failed). Does not wait. */
    public boolean failed() {
      return errors.isDone() && !passed();
    }

    /**
     * Waits for the validation; throws with every error found, as {@link #loadValid} does, else
     * returns the valid blueprint.
     */
    public Blueprint await() throws ProblemException {
      boolean interrupted = false;
      try {
        while (true) {
          try {
            List<Problem> found = errors.get();
            if (!found.isEmpty()) {
              throw new ProblemException(found);
            }
            return blueprint;
          } catch (InterruptedException e) {
            interrupted = true; // the validation is short and bounded: finish waiting for it
          } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
              throw r;
            }
            if (cause instanceof Error err) {
              throw err;
            }
            throw new IllegalStateException(cause);
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    /** The errors found, or the exception the validation ended with; the task must be done. */
    private Object outcome() {
      try {
        return errors.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return e;
      } catch (ExecutionException e) {
        return e;
      }
    }
  }

  /** The keys every element of a type must have, for the JSON Schema. */
  public static List<String> requiredKeys(Class<?> modelType) {
    return RequiredFieldRules.REQUIRED.getOrDefault(modelType, List.of());
  }
}
