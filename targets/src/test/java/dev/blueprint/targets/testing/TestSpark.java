package dev.blueprint.targets.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real local Spark for the tests: spark-submit from the PySpark that {@code make tools} installs
 * in build/tools/spark, on a {@code local[1]} master bound to 127.0.0.1, with its UI off, the
 * session in UTC, and Ivy, warehouse and scratch folders inside the run's work folder, so that
 * nothing reaches out or leaks between runs.
 *
 * @param venv the PySpark virtual environment
 * @param avroJar Spark's Avro module, which PySpark does not bundle
 * @param javaHome the Java that runs Spark (the tests' own)
 */
public record TestSpark(Path venv, Path avroJar, Path javaHome) {

  /** The install, or a clear failure naming what is missing (skipped outside CI). */
  public static TestSpark installed() throws IOException {
    Path venv = TestTools.installed("spark/.installed", "PySpark").getParent();
    if (!Files.isExecutable(venv.resolve("bin/spark-submit"))) {
      throw new AssertionError("spark-submit is missing from " + venv + "; run make tools");
    }
    Path avro;
    try (Stream<Path> jars = Files.list(venv.resolve("jars"))) {
      avro =
          jars.filter(p -> p.getFileName().toString().startsWith("spark-avro_"))
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError("spark-avro is missing from " + venv + "/jars"));
    }
    Path javaHome = Path.of(System.getProperty("java.home"));
    if (!Files.isExecutable(javaHome.resolve("bin/java"))) {
      throw new AssertionError("Spark needs Java: no bin/java in " + javaHome);
    }
    if (Runtime.version().feature() < 17) {
      throw new AssertionError("PySpark 4 needs Java 17 or later, the tests run on " + javaHome);
    }
    return new TestSpark(venv, avro, javaHome);
  }

  /**
   * Runs {@code spark-submit OPTIONS APP ARGS} in {@code work}; returns its exit code and output
   * (stdout and stderr).
   *
   * @param options spark-submit's own options, e.g. {@code --jars} or {@code --packages}
   * @param env variables to add to spark-submit's environment, e.g. SPARK_SUBMIT_OPTS
   */
  public TestTools.Run submit(
      List<String> options,
      Path app,
      List<String> args,
      Path work,
      Map<String, String> env,
      Duration timeout)
      throws IOException, InterruptedException {
    Files.createDirectories(work);
    List<String> cmd = new ArrayList<>();
    cmd.add(venv.resolve("bin/spark-submit").toString());
    cmd.addAll(List.of("--master", "local[1]", "--driver-memory", "768m"));
    cmd.addAll(options);
    for (String conf :
        List.of(
            "spark.ui.enabled=false",
            "spark.log.level=WARN",
            "spark.sql.shuffle.partitions=1",
            "spark.sql.session.timeZone=UTC",
            "spark.driver.host=127.0.0.1",
            "spark.driver.bindAddress=127.0.0.1",
            "spark.sql.warehouse.dir=" + work.resolve("warehouse").toUri(),
            "spark.jars.ivy=" + work.resolve("ivy"),
            "spark.local.dir=" + work.resolve("local"),
            "spark.driver.extraJavaOptions=-Duser.timezone=UTC")) {
      cmd.addAll(List.of("--conf", conf));
    }
    cmd.add(app.toString());
    cmd.addAll(args);
    Path log = work.resolve("output.log");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> environment = pb.environment();
    environment.put("JAVA_HOME", javaHome.toString());
    environment.put(
        "PATH",
        venv.resolve("bin") + ":" + javaHome.resolve("bin") + ":" + environment.get("PATH"));
    environment.put("PYSPARK_PYTHON", venv.resolve("bin/python").toString());
    environment.put("PYSPARK_DRIVER_PYTHON", venv.resolve("bin/python").toString());
    environment.put("SPARK_LOCAL_IP", "127.0.0.1");
    environment.put("TZ", "UTC");
    environment.remove("SPARK_HOME");
    environment.remove("PYTHONPATH");
    environment.putAll(env);
    Process p = pb.start();
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("spark-submit " + app + " timed out after " + timeout);
    }
    return new TestTools.Run(cmd, p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
