package dev.blueprint.targets.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.core.generate.Generator;
import dev.blueprint.core.generate.GeneratorOptions;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.DataFormat;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Task;
import dev.blueprint.core.model.TaskKind;
import dev.blueprint.targets.testing.Examples;
import dev.blueprint.targets.testing.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated DAGs of every example and of a synthetic blueprint with every task and schedule
 * kind (airflow/every-kind.yaml), loaded and run by a real Airflow: 3 and 2.10, from the venvs that
 * {@code make tools} installs under build/tools. checks/airflow_run.py does the work per repository
 * (DagBag, unwritten stubs failing, runs to success for each way a DAG starts with every templated
 * field rendered, compensations); SQL runs against a real PostgreSQL; spark-submit is a shim that
 * records the command line, including the Avro tasks' --packages with the versions of the Airflow
 * Variables the generated README names (SparkJobsTest runs the jobs on a real local Spark,
 * SparkAvroPackageTest that --packages value). Outside CI a missing venv skips the test; in CI
 * (CI=true) it fails.
 */
class AirflowRunTest {

  /** Repositories checked at once: each waits mostly on Airflow's own polling, not the CPU. */
  private static final int PARALLEL = 5;

  /** The spark_version Variable the runs set; any version will do, spark-submit is a shim. */
  private static final String SPARK_VERSION = "4.0.1";

  /** Generous: one repository takes 20-110 s here. */
  private static final long TIMEOUT_MINUTES = 8;

  @ParameterizedTest(name = "Airflow {0}")
  @ValueSource(ints = {3, 2})
  void everyGeneratedDagLoadsRendersAndRuns(int version, @TempDir Path tmp) throws Exception {
    Path python = venv(version).resolve("bin/python");
    Path template = tmp.resolve("airflow-db-template");
    migrate(version, template);
    Map<String, Path> blueprints = new LinkedHashMap<>();
    for (Path f : Examples.files()) {
      blueprints.put(f.getParent().getFileName().toString(), f);
    }
    blueprints.put(
        "every-kind",
        Examples.root().resolve("targets/src/test/resources/airflow/every-kind.yaml"));
    // the checks of the Avro tasks' --packages need Spark tasks with and without Avro
    long spark = 0;
    long avro = 0;
    for (Path f : blueprints.values()) {
      Blueprint b = Examples.load(f).blueprint();
      spark +=
          b.architectureOrEmpty().pipelines().stream()
              .flatMap(p -> p.tasks().stream())
              .filter(t -> t.kind() == TaskKind.SPARK && t.command() != null)
              .count();
      avro += avroSparkTasks(b).values().stream().mapToLong(List::size).sum();
    }
    assertTrue(avro > 0 && spark > avro, spark + " Spark tasks, " + avro + " with Avro");
    Path script = tmp.resolve("airflow_run.py");
    try (InputStream in = getClass().getResourceAsStream("/checks/airflow_run.py")) {
      Files.write(script, in.readAllBytes());
    }
    try (TestPostgres pg = TestPostgres.start()) {
      ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
      try {
        Map<String, Future<String>> results = new LinkedHashMap<>();
        for (var e : blueprints.entrySet()) {
          results.put(
              e.getKey(),
              pool.submit(
                  () ->
                      check(version, e.getKey(), e.getValue(), python, script, template, pg, tmp)));
        }
        List<String> failed = new ArrayList<>();
        for (var r : results.entrySet()) {
          String report = r.getValue().get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
          System.out.println("== Airflow " + version + ", " + r.getKey() + "\n" + notes(report));
          if (!report.contains("\n0 failures")) {
            failed.add(r.getKey() + ":\n" + report);
          }
        }
        assertEquals(List.of(), failed, "Airflow " + version + " checks failed");
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** Generates one blueprint's repository and runs the script over it; returns its output. */
  private static String check(
      int version,
      String name,
      Path blueprintFile,
      Path python,
      Path script,
      Path template,
      TestPostgres pg,
      Path tmp)
      throws Exception {
    Blueprint b = Examples.load(blueprintFile).blueprint();
    Path repo = tmp.resolve("v" + version).resolve(name);
    Generator.standard()
        .generate(b, repo, GeneratorOptions.defaults("test").withAirflowVersion(version));
    Path home = Files.createDirectories(tmp.resolve("home-" + version + "-" + name));
    Path record = Files.createDirectories(home.resolve("record"));
    Files.copy(template.resolve("airflow.db"), home.resolve("airflow.db"));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("repo", repo.toString());
    spec.put("dags", b.architectureOrEmpty().pipelines().stream().map(Pipeline::id).toList());
    // jdbc:postgresql://127.0.0.1:PORT/postgres -> postgresql://postgres@127.0.0.1:PORT
    String hostPort = pg.jdbcUrl().replaceAll("^jdbc:postgresql://([^/]+)/.*$", "$1");
    spec.put("postgres", "postgresql://postgres@" + hostPort);
    spec.put("record", record.toString());
    spec.put("prefix", ("v" + version + "_" + name).replace('-', '_').toLowerCase(Locale.ROOT));
    spec.put("avro", avroSparkTasks(b));
    // the Airflow Variables the README names: Airflow 3 runs with the default Scala version,
    // Airflow 2 with spark_scala_version set
    spec.put("spark_version", SPARK_VERSION);
    spec.put("scala_version", version == 2 ? "2.12" : null);
    Path specFile = home.resolve("spec.json");
    new ObjectMapper().writeValue(specFile.toFile(), spec);
    ProcessBuilder pb =
        new ProcessBuilder(python.toString(), script.toString(), specFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("output.log").toFile());
    airflowEnv(pb.environment(), home, repo.resolve("dags"));
    Process p = pb.start();
    if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return "timed out after " + TIMEOUT_MINUTES + " minutes\n" + tail(home);
    }
    String out = Files.readString(home.resolve("output.log"), StandardCharsets.UTF_8);
    return p.exitValue() == 0 && out.contains("\n0 failures")
        ? out
        : "exit " + p.exitValue() + "\n" + notes(out) + "\n--- log tail ---\n" + tail(home);
  }

  /**
   * The Spark tasks, by DAG id, whose job reads or writes a dataset of format Avro, from the
   * blueprint itself (Airflow's task id is the task's id within its group).
   */
  static Map<String, List<String>> avroSparkTasks(Blueprint b) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Pipeline p : b.architectureOrEmpty().pipelines()) {
      for (Task t : p.tasks()) {
        List<String> data = new ArrayList<>(t.inputs());
        data.addAll(t.outputs());
        boolean avro =
            data.stream()
                .map(b.architectureOrEmpty()::dataset)
                .flatMap(Optional::stream)
                .anyMatch(d -> d.format() == DataFormat.AVRO);
        if (t.kind() == TaskKind.SPARK && t.command() != null && avro) {
          out.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(t.fullId());
        }
      }
    }
    return out;
  }

  /** A temporary AIRFLOW_HOME on SQLite, no examples, nothing that reaches the network. */
  private static void airflowEnv(Map<String, String> env, Path home, Path dags) {
    env.put("AIRFLOW_HOME", home.toString());
    env.put("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", "sqlite:///" + home.resolve("airflow.db"));
    env.put("AIRFLOW__CORE__DAGS_FOLDER", dags.toString());
    env.put("AIRFLOW__CORE__LOAD_EXAMPLES", "False");
    env.put("AIRFLOW__CORE__UNIT_TEST_MODE", "False");
    env.put("AIRFLOW__USAGE_DATA_COLLECTION__ENABLED", "False");
    env.put("AIRFLOW__SCHEDULER__STANDALONE_DAG_PROCESSOR", "False");
    env.put("SCARF_ANALYTICS", "false");
    env.put("DO_NOT_TRACK", "true");
    env.put("NO_PROXY", "*");
    env.remove("PYTHONPATH");
  }

  /** The venv of that Airflow; aborts the test (fails in CI) when it is not installed. */
  private static Path venv(int version) {
    Path v = Examples.root().resolve("build/tools/airflow" + version);
    if (!Files.isRegularFile(v.resolve(".installed"))) {
      String why = "Airflow " + version + " is not installed in " + v + "; run make tools";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(why);
      }
      Assumptions.abort(why);
    }
    return v;
  }

  /** One migrated SQLite metadata database per version, copied for each repository. */
  private static void migrate(int version, Path home) throws Exception {
    Files.createDirectories(home);
    ProcessBuilder pb =
        new ProcessBuilder(venv(version).resolve("bin/airflow").toString(), "db", "migrate")
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("migrate.log").toFile());
    airflowEnv(pb.environment(), home, home);
    Process p = pb.start();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "airflow db migrate timed out");
    assertEquals(
        0, p.exitValue(), "airflow db migrate:\n" + Files.readString(home.resolve("migrate.log")));
  }

  private static String notes(String out) {
    return String.join(
        "\n",
        out.lines()
            .filter(l -> l.startsWith("NOTE") || l.startsWith("FAIL") || l.endsWith(" failures"))
            .toList());
  }

  private static String tail(Path home) throws IOException {
    List<String> lines = Files.readAllLines(home.resolve("output.log"), StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }
}
