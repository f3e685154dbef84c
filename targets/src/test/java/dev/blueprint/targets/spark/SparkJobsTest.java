package dev.blueprint.targets.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.core.generate.Generator;
import dev.blueprint.core.generate.GeneratorOptions;
import dev.blueprint.core.generate.Naming;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Field;
import dev.blueprint.core.model.Partition;
import dev.blueprint.targets.testing.Examples;
import dev.blueprint.targets.testing.TestSpark;
import dev.blueprint.targets.testing.TestTools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated Spark job of every example and of airflow/every-kind.yaml, run by a real
 * spark-submit on a local master (PySpark from the venv that {@code make tools} installs under
 * build/tools/spark, with Spark's spark-avro module), with the arguments its DAG's
 * SparkSubmitOperator passes and the lake's s3:// URIs mapped to local folders.
 * checks/spark_jobs.py does the work in one driver (one JVM for all jobs: a spark-submit costs ~12
 * s of JVM start here): as generated each job fails with its NotImplementedError; with the minimal
 * transform() its docstring asks for, the file-to-file jobs read their inputs for the rebuild
 * window (the interval widened to whole output partitions) and write their formats and partitions.
 * Each runs for a day, the next day and the first day again: a month-partitioned output written
 * daily (visitor_journeys) then holds both days of its month, the untouched partitions are kept,
 * and the rerun changes nothing; a body that reads only the interval fails those checks. One job
 * also goes through its own spark-submit, as Airflow runs it. Outside CI a missing install skips
 * the test; in CI (CI=true) it fails.
 */
class SparkJobsTest {

  /** A daily run's interval, in UTC as the DAGs render it. */
  private static final String START = "2026-03-10T00:00:00+00:00";

  private static final String END = "2026-03-11T00:00:00+00:00";

  /** Generous: the whole driver takes about a minute here. */
  private static final long TIMEOUT_MINUTES = 10;

  @Test
  void everyGeneratedSparkJobRunsOnLocalSpark(@TempDir Path tmp) throws Exception {
    TestSpark spark = TestSpark.installed();
    List<Map<String, Object>> repos = new ArrayList<>();
    List<Path> files = new ArrayList<>(Examples.files());
    files.add(Examples.root().resolve("targets/src/test/resources/airflow/every-kind.yaml"));
    for (Path f : files) {
      String name =
          f.getFileName().toString().equals("blueprint.yaml")
              ? f.getParent().getFileName().toString()
              : f.getFileName().toString().replace(".yaml", "");
      Blueprint b = Examples.load(f).blueprint();
      Path repo = tmp.resolve("repos").resolve(name);
      Generator.standard().generate(b, repo, GeneratorOptions.defaults("test"));
      repos.add(Map.of("name", name, "repo", repo.toString(), "datasets", datasets(b)));
    }
    // the first example's jobs as generated, for the standalone spark-submit below (the driver
    // gives the repository's copies a body)
    Path pristine = Files.createDirectories(tmp.resolve("pristine"));
    Path firstJobs = Path.of((String) repos.get(0).get("repo")).resolve("jobs");
    try (Stream<Path> jobs = Files.list(firstJobs)) {
      for (Path j : jobs.toList()) {
        Files.copy(j, pristine.resolve(j.getFileName()));
      }
    }
    Path script = tmp.resolve("spark_jobs.py");
    try (InputStream in = getClass().getResourceAsStream("/checks/spark_jobs.py")) {
      Files.write(script, in.readAllBytes());
    }
    Path commands = tmp.resolve("commands.json");
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("repos", repos);
    spec.put("lake", tmp.resolve("lake").toString());
    spec.put("start", START);
    spec.put("end", END);
    spec.put("commands", commands.toString());
    Path specFile = tmp.resolve("spec.json");
    new ObjectMapper().writeValue(specFile.toFile(), spec);

    long t0 = System.nanoTime();
    TestTools.Run run = submit(spark, script, List.of(specFile.toString()), tmp.resolve("driver"));
    System.out.printf(
        "== spark_jobs.py (%d s)%n%s%n", (System.nanoTime() - t0) / 1_000_000_000, notes(run));
    assertTrue(
        run.exitCode() == 0 && run.output().contains("\n0 failures"),
        "Spark job checks failed (exit " + run.exitCode() + "):\n" + notes(run) + tail(run));

    // one job as Airflow runs it: its own spark-submit, the job file as generated
    List<Map<String, Object>> all =
        new ObjectMapper().readValue(commands.toFile(), new TypeReference<>() {});
    assertTrue(all.size() >= 15, "expected the examples' 15 Spark jobs and more, got " + all);
    Map<String, Object> first = all.get(0);
    assertEquals(repos.get(0).get("name"), first.get("repo"), "the first example has no Spark job");
    Path job = pristine.resolve(Path.of((String) first.get("job")).getFileName());
    assertTrue(Files.readString(job).contains("raise NotImplementedError("), job.toString());
    @SuppressWarnings("unchecked")
    List<String> args = (List<String>) first.get("args");
    TestTools.Run alone = submit(spark, job, args, tmp.resolve("standalone"));
    assertNotEquals(0, alone.exitCode(), "the unwritten job succeeded:\n" + alone.output());
    String pipelineTask = pipelineTask(job);
    assertTrue(
        alone
            .output()
            .contains("NotImplementedError: " + pipelineTask + ": this job is not written yet"),
        "spark-submit " + job + " did not fail with its NotImplementedError:\n" + tail(alone));
  }

  private static String pipelineTask(Path job) throws IOException {
    String text = Files.readString(job);
    return value(text, "PIPELINE") + "." + value(text, "TASK");
  }

  private static String value(String text, String name) {
    return text.lines()
        .filter(l -> l.startsWith(name + " = \""))
        .map(l -> l.substring(name.length() + 4, l.length() - 1))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in the job"));
  }

  /**
   * Every dataset by the URI the jobs name it with, with its partition fields and their types: the
   * driver writes input rows inside and outside the interval from them.
   */
  private static Map<String, Object> datasets(Blueprint b) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Dataset d : b.architectureOrEmpty().datasets()) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (Partition p : d.partitioning()) {
        String type =
            d.fields().stream()
                .filter(f -> f.name().equals(p.field()))
                .map(Field::type)
                .map(t -> t == null ? "timestamp" : t.name().toLowerCase(Locale.ROOT))
                .findFirst()
                .orElseThrow(() -> new AssertionError(d.name() + " has no field " + p.field()));
        fields.put(p.field(), type);
      }
      out.put(Naming.assetUri(b, d), Map.of("fields", fields));
    }
    return out;
  }

  private static String notes(TestTools.Run run) {
    return String.join(
        "\n",
        run.output()
            .lines()
            .filter(l -> l.startsWith("NOTE") || l.startsWith("FAIL") || l.endsWith(" failures"))
            .toList());
  }

  private static String tail(TestTools.Run run) {
    List<String> lines = run.output().lines().toList();
    return "\n--- output tail ---\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  /** The generated jobs read and write Avro: Spark's Avro module goes with them (--jars). */
  private static TestTools.Run submit(TestSpark spark, Path app, List<String> args, Path work)
      throws Exception {
    return spark.submit(
        List.of("--jars", spark.avroJar().toString()),
        app,
        args,
        work,
        Map.of(),
        Duration.ofMinutes(TIMEOUT_MINUTES));
  }
}
