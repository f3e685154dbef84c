package dev.blueprint.core.generate;

import dev.blueprint.core.problem.ProblemException;
import java.io.IOException;

/**
 * One output concern of the generated repository (DAGs, Kafka topics, storage layout, docs, ...).
 * Contributors are small, independent and testable alone: each reads the blueprint from the context
 * and writes its files through the context's output tree.
 */
public interface Contributor {

  /** A short name for progress and error messages, e.g. "airflow-dags". */
  String name();

  /** Writes this concern's files. */
  void contribute(GenerationContext context) throws IOException, ProblemException;
}
