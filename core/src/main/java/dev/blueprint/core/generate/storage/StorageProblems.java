package dev.blueprint.core.generate.storage;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.problem.Location;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;

/** Errors of the storage contributors, naming the dataset's path in the blueprint. */
final class StorageProblems {
  private StorageProblems() {}

  /** BP-GEN-010: a dataset lacks what its store's DDL needs. */
  static ProblemException missing(
      Blueprint b, Dataset d, String field, String message, String hint) {
    int index = b.architectureOrEmpty().datasets().indexOf(d);
    return new ProblemException(
        Problem.error(
                "BP-GEN-010",
                Location.ofFile("blueprint"),
                "architecture.datasets[" + index + "]." + field,
                "dataset '" + d.name() + "': " + message)
            .withHint(hint));
  }
}
