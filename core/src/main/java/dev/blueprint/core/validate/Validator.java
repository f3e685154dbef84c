package dev.blueprint.core.validate;

import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.load.LoadedBlueprint;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.problem.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Semantic checks of a loaded blueprint; each rule has a stable id. */
public final class Validator {
  private Validator() {}

  /** Every problem found in {@code loaded}, errors and warnings, in file order. */
  public static List<Problem> validate(LoadedBlueprint loaded) {
    List<Problem> problems = new ArrayList<>();
    return problems;
  }

  /** Loads and validates a file; throws with every error found. Warnings are not errors. */
  public static LoadedBlueprint loadValid(Path file) throws ProblemException {
    LoadedBlueprint loaded = BlueprintLoader.load(file);
    List<Problem> errors =
        validate(loaded).stream().filter(p -> p.severity() == Severity.ERROR).toList();
    if (!errors.isEmpty()) {
      throw new ProblemException(errors);
    }
    return loaded;
  }
}
