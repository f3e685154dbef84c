package dev.blueprint.core.generate.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.generate.GenerationContext;
import dev.blueprint.core.generate.GeneratorOptions;
import dev.blueprint.core.generate.OutputTree;
import dev.blueprint.core.generate.Templates;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.testing.DagChecks;
import dev.blueprint.core.testing.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DAG contributor alone, checked by python3's compiler and an ast walk. */
class AirflowDagsTest {

  private static OutputTree render(Blueprint b, GeneratorOptions o, Path dir) throws Exception {
    OutputTree out = new OutputTree(dir);
    new AirflowDags().contribute(new GenerationContext(b, o, Templates.packaged(), out));
    return out;
  }

  @Test
  void airflow3DagsCompileAndHaveTheExpectedShape(@TempDir Path dir) throws Exception {
    Blueprint b = Examples.clickstream();
    OutputTree out = render(b, GeneratorOptions.defaults("test"), dir);
    assertEquals(
        List.of("dags/page_views_to_lake.py", "dags/visitor_journeys_daily.py"),
        List.copyOf(out.written()));
    String lake = Files.readString(dir.resolve("dags/page_views_to_lake.py"));
    assertTrue(lake.contains("from airflow.sdk import DAG, Asset"), lake);
    assertTrue(lake.contains("trigger_rule=\"one_failed\""), lake);
    // both Spark tasks there read or write Avro; visitor_journeys_daily's reads Parquet only
    assertEquals(2, lake.split("packages=SPARK_AVRO_PACKAGE,", -1).length - 1, lake);
    assertTrue(lake.contains("SPARK_AVRO_PACKAGE = \"" + SparkAvro.PACKAGE + "\""), lake);
    String daily = Files.readString(dir.resolve("dags/visitor_journeys_daily.py"));
    assertTrue(daily.contains("SparkSubmitOperator(") && !daily.contains("packages="), daily);
    DagChecks.check(b, dir, 3);
  }

  @Test
  void airflow2DagsUseTheAirflow2Imports(@TempDir Path dir) throws Exception {
    Blueprint b = Examples.clickstream();
    render(b, GeneratorOptions.defaults("test").withAirflowVersion(2), dir);
    String daily = Files.readString(dir.resolve("dags/visitor_journeys_daily.py"));
    assertTrue(daily.contains("from airflow import DAG"), daily);
    assertTrue(daily.contains("from airflow.datasets import Dataset"), daily);
    assertTrue(daily.contains("from airflow.utils.task_group import TaskGroup"), daily);
    DagChecks.check(b, dir, 2);
  }
}
