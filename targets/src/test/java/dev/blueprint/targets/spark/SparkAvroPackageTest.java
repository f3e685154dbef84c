package dev.blueprint.targets.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.generate.Generator;
import dev.blueprint.core.generate.GeneratorOptions;
import dev.blueprint.targets.testing.Examples;
import dev.blueprint.targets.testing.TestTools;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    Path venv = TestTools.installed("spark/.installed", "PySpark").getParent();
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

    TestTools.Run with = submit(venv, script, packages, tmp.resolve("with"));
    assertEquals(0, with.exitCode(), "spark-submit --packages " + packages + ":\n" + with.output());
    assertTrue(with.output().contains("avro round trip: 3 rows"), with.output());
    assertTrue(
        with.output()
            .contains("found org.apache.spark#spark-avro_2.13;" + version + " in local-m2-cache"),
        "not resolved from ~/.m2:\n" + with.output());

    TestTools.Run without = submit(venv, script, null, tmp.resolve("without"));
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

  /** spark-submit [--packages P] SCRIPT WORK on local[1], with no network and its own Ivy home. */
  private static TestTools.Run submit(Path venv, Path script, String packages, Path work)
      throws Exception {
    Files.createDirectories(work);
    Path javaHome = Path.of(System.getProperty("java.home"));
    List<String> cmd = new ArrayList<>();
    cmd.add(venv.resolve("bin/spark-submit").toString());
    cmd.addAll(List.of("--master", "local[1]", "--driver-memory", "512m"));
    if (packages != null) {
      cmd.addAll(List.of("--packages", packages));
    }
    for (String conf :
        List.of(
            "spark.ui.enabled=false",
            "spark.log.level=WARN",
            "spark.sql.shuffle.partitions=1",
            "spark.driver.host=127.0.0.1",
            "spark.driver.bindAddress=127.0.0.1",
            "spark.jars.ivy=" + work.resolve("ivy"),
            "spark.local.dir=" + work.resolve("local"),
            "spark.sql.warehouse.dir=" + work.resolve("warehouse").toUri())) {
      cmd.addAll(List.of("--conf", conf));
    }
    cmd.add(script.toString());
    cmd.add(work.resolve("out").toString());
    Path log = work.resolve("output.log");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("JAVA_HOME", javaHome.toString());
    env.put("PATH", venv.resolve("bin") + ":" + javaHome.resolve("bin") + ":" + env.get("PATH"));
    env.put("PYSPARK_PYTHON", venv.resolve("bin/python").toString());
    env.put("PYSPARK_DRIVER_PYTHON", venv.resolve("bin/python").toString());
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    // Ivy must find the module in ~/.m2: any download goes to a proxy port where nothing listens
    int closed = TestTools.freePort();
    env.put(
        "SPARK_SUBMIT_OPTS",
        String.join(
            " ",
            "-Dhttp.proxyHost=127.0.0.1",
            "-Dhttp.proxyPort=" + closed,
            "-Dhttps.proxyHost=127.0.0.1",
            "-Dhttps.proxyPort=" + closed));
    env.remove("SPARK_HOME");
    env.remove("PYTHONPATH");
    Process p = pb.start();
    if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("spark-submit timed out after " + TIMEOUT_MINUTES + " minutes");
    }
    return new TestTools.Run(cmd, p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
