package dev.blueprint.targets.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.generate.Generator;
import dev.blueprint.core.generate.GeneratorOptions;
import dev.blueprint.targets.testing.Examples;
import dev.blueprint.targets.testing.TestSpark;
import dev.blueprint.targets.testing.TestTools;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code --packages} value that a generated DAG passes to spark-submit for a job that reads or
 * writes Avro, tried on the real spark-submit that {@code make tools} installs under
 * build/tools/spark, on a local master: with the version set to the installed PySpark's (as the
 * team sets the spark_version Variable to their cluster's), Spark resolves its Avro module through
 * Ivy from the local Maven repository ~/.m2 (where make tools put it; the network is blocked and
 * Ivy's cache is a temporary folder) and a job writes and reads back Avro; without it the same job
 * fails, Avro not being part of Spark. Outside CI a missing install skips the test; in CI it fails.
 */
class SparkAvroPackageTest {

  /** Generous: one spark-submit takes about 15 s here. */
  private static final long TIMEOUT_MINUTES = 5;

  @Test
  void theDagsPackagesValueGivesSparkItsAvroModule(@TempDir Path tmp) throws Exception {
    TestSpark spark = TestSpark.installed();
    String version = pysparkVersion();
    String packages = generatedPackages(tmp.resolve("repo"), Map.of("spark_version", version));
    assertEquals("org.apache.spark:spark-avro_2.13:" + version, packages);
    Path jar =
        Path.of(System.getProperty("user.home"), ".m2/repository/org/apache/spark")
            .resolve("spark-avro_2.13/" + version + "/spark-avro_2.13-" + version + ".jar");
    TestTools.installed(jar.toString(), "spark-avro " + version + " in ~/.m2");
    Path script = tmp.resolve("spark_avro.py");
    try (InputStream in = getClass().getResourceAsStream("/checks/spark_avro.py")) {
      Files.write(script, in.readAllBytes());
    }

    TestTools.Run with = submit(spark, script, packages, tmp.resolve("with"));
    assertEquals(0, with.exitCode(), "spark-submit --packages " + packages + ":\n" + with.output());
    assertTrue(with.output().contains("avro round trip: 3 rows"), with.output());
    assertTrue(
        with.output()
            .contains("found org.apache.spark#spark-avro_2.13;" + version + " in local-m2-cache"),
        "not resolved from ~/.m2:\n" + with.output());

    TestTools.Run without = submit(spark, script, null, tmp.resolve("without"));
    assertNotEquals(0, without.exitCode(), "Avro worked without its module:\n" + without.output());
    assertTrue(
        without.output().contains("Failed to find data source: avro"),
        "spark-submit without --packages:\n" + without.output());
  }

  /** The installed PySpark's version, from the requirements file that make tools installs. */
  private static String pysparkVersion() throws Exception {
    return Files.readAllLines(Examples.root().resolve("tools/python/spark-requirements.txt"))
        .stream()
        .filter(l -> l.startsWith("pyspark=="))
        .map(l -> l.substring("pyspark==".length()).strip())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no pyspark== in spark-requirements.txt"));
  }

  /**
   * SPARK_AVRO_PACKAGE of a generated DAG whose Spark tasks write Avro, rendered as Airflow renders
   * it with these Airflow Variables (var.value.NAME, var.value.get('NAME', 'default')).
   */
  private static String generatedPackages(Path repo, Map<String, String> variables)
      throws Exception {
    Generator.standard()
        .generate(
            Examples.load(Examples.root().resolve("examples/clickstream-analytics/blueprint.yaml"))
                .blueprint(),
            repo,
            GeneratorOptions.defaults("test"));
    String dag = Files.readString(repo.resolve("dags/page_views_to_lake.py"));
    assertTrue(dag.contains("packages=SPARK_AVRO_PACKAGE,"), dag);
    Matcher m = Pattern.compile("(?m)^SPARK_AVRO_PACKAGE = \"(.*)\"$").matcher(dag);
    assertTrue(m.find(), "no SPARK_AVRO_PACKAGE in\n" + dag);
    Matcher e =
        Pattern.compile("\\{\\{ var\\.value\\.(?:get\\('(\\w+)', '([^']*)'\\)|(\\w+)) \\}\\}")
            .matcher(m.group(1));
    StringBuilder out = new StringBuilder();
    while (e.find()) {
      String value =
          e.group(3) != null
              ? variables.get(e.group(3))
              : variables.getOrDefault(e.group(1), e.group(2));
      assertTrue(value != null, "the DAG reads the unset Variable " + e.group(3));
      e.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    e.appendTail(out);
    assertTrue(!out.toString().contains("{"), "Jinja left in " + out);
    return out.toString();
  }

  /**
   * spark-submit [--packages P] SCRIPT WORK, with no network: Ivy must find the module in ~/.m2,
   * and any download goes to a proxy port where nothing listens.
   */
  private static TestTools.Run submit(TestSpark spark, Path script, String packages, Path work)
      throws Exception {
    int closed = TestTools.freePort();
    return spark.submit(
        packages == null ? List.of() : List.of("--packages", packages),
        script,
        List.of(work.resolve("out").toString()),
        work,
        Map.of(
            "SPARK_SUBMIT_OPTS",
            String.join(
                " ",
                "-Dhttp.proxyHost=127.0.0.1",
                "-Dhttp.proxyPort=" + closed,
                "-Dhttps.proxyHost=127.0.0.1",
                "-Dhttps.proxyPort=" + closed)),
        Duration.ofMinutes(TIMEOUT_MINUTES));
  }
}
