package dev.blueprint.core.generate.airflow;

import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.DataFormat;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Task;
import dev.blueprint.core.model.TaskKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's Avro module (org.apache.spark:spark-avro_SCALA:SPARK), which Spark distributions do not
 * include: the DAGs pass it to spark-submit ({@code --packages}) for the Spark tasks that read or
 * write an Avro dataset. Its version must be the cluster's, so the DAGs read it, when a task runs,
 * from Airflow Variables that the team sets once for the deployment (the README says how).
 */
public final class SparkAvro {

  /** The Airflow Variable with the cluster's Spark version, e.g. 4.0.1. Required. */
  public static final String SPARK_VERSION_VARIABLE = "spark_version";

  /** The Airflow Variable with the Scala version the cluster's Spark is built for. Optional. */
  public static final String SCALA_VERSION_VARIABLE = "spark_scala_version";

  /** Spark 4's only Scala version (Spark 3 is built for 2.12 and 2.13). */
  public static final String DEFAULT_SCALA_VERSION = "2.13";

  /** The packages value, a Jinja template that Airflow renders when the task runs. */
  public static final String PACKAGE =
      "org.apache.spark:spark-avro_{{ var.value.get('"
          + SCALA_VERSION_VARIABLE
          + "', '"
          + DEFAULT_SCALA_VERSION
          + "') }}:{{ var.value."
          + SPARK_VERSION_VARIABLE
          + " }}";

  private SparkAvro() {}

  /** Whether {@code t} is a Spark task that reads or writes a dataset of format Avro. */
  public static boolean needed(Architecture a, Task t) {
    if (t.kind() != TaskKind.SPARK || t.command() == null || t.command().isBlank()) {
      return false;
    }
    List<String> names = new ArrayList<>(t.inputs());
    names.addAll(t.outputs());
    return names.stream()
        .map(a::dataset)
        .anyMatch(d -> d.isPresent() && d.get().format() == DataFormat.AVRO);
  }

  /** Whether any pipeline has such a task. */
  public static boolean neededBy(Architecture a) {
    return a.pipelines().stream()
        .map(Pipeline::tasks)
        .flatMap(List::stream)
        .anyMatch(t -> needed(a, t));
  }
}
