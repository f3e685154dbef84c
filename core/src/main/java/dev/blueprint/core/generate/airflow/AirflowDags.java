package dev.blueprint.core.generate.airflow;

import dev.blueprint.core.generate.Contributor;
import dev.blueprint.core.generate.GenerationContext;
import dev.blueprint.core.generate.Naming;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.problem.ProblemException;
import java.io.IOException;
import java.util.Map;

/**
 * One static Airflow DAG file per pipeline, {@code dags/<pipeline>.py}, for Airflow 3 (airflow.sdk,
 * standard provider, Assets) or Airflow 2 (airflow.*, Datasets) as the options say.
 */
public final class AirflowDags implements Contributor {

  /** The DAG template, for Airflow 3 and 2 alike. */
  public static final String TEMPLATE = "airflow/dag.py.ftl";

  @Override
  public String name() {
    return "airflow-dags";
  }

  @Override
  public void contribute(GenerationContext context) throws IOException, ProblemException {
    for (Pipeline pipeline : context.blueprint().architectureOrEmpty().pipelines()) {
      context.render(
          TEMPLATE,
          "pipeline " + pipeline.id(),
          () -> Map.of("dag", DagModel.of(context.blueprint(), pipeline, context.options())),
          Naming.dagFile(pipeline.id()));
    }
  }
}
