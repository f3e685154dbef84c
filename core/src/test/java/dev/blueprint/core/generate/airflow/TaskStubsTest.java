package dev.blueprint.core.generate.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.generate.GenerationContext;
import dev.blueprint.core.generate.GeneratorOptions;
import dev.blueprint.core.generate.OutputTree;
import dev.blueprint.core.generate.Templates;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Field;
import dev.blueprint.core.model.FieldType;
import dev.blueprint.core.model.Partition;
import dev.blueprint.core.model.PartitionTransform;
import dev.blueprint.core.model.Task;
import dev.blueprint.core.model.TaskKind;
import dev.blueprint.core.testing.Examples;
import dev.blueprint.core.testing.Python;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task-stub contributor alone. */
class TaskStubsTest {

  private static Task task(TaskKind kind, String command) {
    return new Task(
        "t", kind, null, null, command, List.of(), List.of(), List.of(), null, List.of(), null);
  }

  @Test
  void writesAStubForEveryFileTheExampleTasksRun(@TempDir Path dir) throws Exception {
    OutputTree out = new OutputTree(dir);
    new TaskStubs()
        .contribute(
            new GenerationContext(
                Examples.clickstream(), GeneratorOptions.defaults("t"), Templates.packaged(), out));
    assertEquals(
        List.of(
            "jobs/build_journeys.py",
            "jobs/clean_page_views.py",
            "jobs/land_page_views.py",
            "scripts/export_orders.sh",
            "scripts/remove_partition.sh",
            "sql/attribute_campaigns.sql"),
        List.copyOf(out.written()));
    String job = Files.readString(dir.resolve("jobs/land_page_views.py"));
    assertTrue(job.contains("\"web.page-views.v1\": {"), job);
    assertTrue(
        job.contains("\"s3://clickstream-analytics-lake/raw/web-analytics/page_views_raw/\""), job);
    Python.run(
            "import sys\nfor p in sys.argv[1:]:\n    compile(open(p).read(), p, 'exec')\n",
            "",
            dir.resolve("jobs/land_page_views.py").toString(),
            dir.resolve("jobs/build_journeys.py").toString())
        .assertOk("the job stubs compile");
    Process p =
        new ProcessBuilder("bash", dir.resolve("scripts/export_orders.sh").toString(), "2026-01-01")
            .redirectErrorStream(true)
            .start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, p.waitFor(), "a stub must fail until it is written");
    assertTrue(said.contains("visitor_journeys_daily.consolidate.export_orders"), said);
    assertTrue(Files.isExecutable(dir.resolve("scripts/export_orders.sh")));
  }

  /**
   * The window a job rebuilds: its run's interval widened to whole partitions of each output.
   * visitor_journeys is partitioned by month (written daily), page_views_clean by event_date, a
   * date (written hourly): a run rebuilds the whole month or day, not only its interval. Runs the
   * generated rebuild_window with python3, also with the output's period set to hour, year and
   * None; pyspark is a stand-in (the job only imports it).
   */
  @Test
  void aJobRebuildsTheWholePartitionsItsIntervalTouches(@TempDir Path dir) throws Exception {
    OutputTree out = new OutputTree(dir);
    new TaskStubs()
        .contribute(
            new GenerationContext(
                Examples.clickstream(), GeneratorOptions.defaults("t"), Templates.packaged(), out));
    String script =
        """
        import sys, types
        sql = types.ModuleType("pyspark.sql")
        sql.SparkSession = None
        sys.modules.update({"pyspark": types.ModuleType("pyspark"), "pyspark.sql": sql})
        journeys = {}
        exec(open(sys.argv[1]).read(), journeys)
        views = {}
        exec(open(sys.argv[2]).read(), views)
        for line in sys.stdin:
            job, start, end, *period = line.split()
            g = journeys if job == "journeys" else views
            if period:  # the same code for another period
                (spec,) = g["OUTPUTS"].values()
                spec["partition_period"] = None if period[0] == "None" else period[0]
            window, windows = g["rebuild_window"](g["parse_args"](
                ["--data-interval-start", start, "--data-interval-end", end]))
            (name, w), = windows.items()
            assert w == window, (windows, window)
            print(job, name, w.start.isoformat(), w.end.isoformat())
        """;
    String runs =
        """
        journeys 2026-03-10T00:00:00+00:00 2026-03-11T00:00:00+00:00
        journeys 2026-03-31T00:00:00+00:00 2026-04-01T00:00:00+00:00
        journeys 2026-12-31T00:00:00+00:00 2027-01-01T00:00:00+00:00
        journeys 2026-12-31T22:00:00+00:00 2027-01-01T01:00:00+00:00
        journeys 2026-03-10T01:00:00+01:00 2026-03-11T01:00:00+01:00
        journeys 2026-03-10T00:00:00Z 2026-03-10T00:00:00Z
        views 2026-03-10T05:00:00+00:00 2026-03-10T06:00:00+00:00
        views 2026-03-10T00:00:00+00:00 2026-03-11T00:00:00+00:00
        views 2026-03-10T05:30:00+00:00 2026-03-10T06:10:00+00:00 hour
        views 2026-12-31T23:30:00+00:00 2027-01-01T00:00:00+00:00 hour
        views 2026-03-10T00:00:00+00:00 2026-03-11T00:00:00+00:00 year
        views 2026-12-31T00:00:00+00:00 2027-01-01T00:00:00+00:00 year
        views 2026-03-10T05:30:00+00:00 2026-03-10T06:10:00+00:00 None
        """;
    String said =
        Python.run(
                script,
                runs,
                dir.resolve("jobs/build_journeys.py").toString(),
                dir.resolve("jobs/clean_page_views.py").toString())
            .assertOk("rebuild_window")
            .stdout();
    String utc = "+00:00";
    assertEquals(
        String.join(
            "\n",
            // a day of a month: the month, from its first day to the next month's
            "journeys visitor_journeys 2026-03-01T00:00:00" + utc + " 2026-04-01T00:00:00" + utc,
            // the month's last day: its end is the month's end, not the next month's
            "journeys visitor_journeys 2026-03-01T00:00:00" + utc + " 2026-04-01T00:00:00" + utc,
            "journeys visitor_journeys 2026-12-01T00:00:00" + utc + " 2027-01-01T00:00:00" + utc,
            // an interval across a new year touches two months
            "journeys visitor_journeys 2026-12-01T00:00:00" + utc + " 2027-02-01T00:00:00" + utc,
            // another offset: counted in UTC
            "journeys visitor_journeys 2026-03-01T00:00:00" + utc + " 2026-04-01T00:00:00" + utc,
            // an empty interval rebuilds nothing
            "journeys visitor_journeys 2026-03-10T00:00:00" + utc + " 2026-03-10T00:00:00" + utc,
            // an hour of a day-partitioned output: the day
            "views page_views_clean 2026-03-10T00:00:00" + utc + " 2026-03-11T00:00:00" + utc,
            // an output partitioned as finely as the interval: the interval itself
            "views page_views_clean 2026-03-10T00:00:00" + utc + " 2026-03-11T00:00:00" + utc,
            // by hour: whole hours, across a day's and a year's end
            "views page_views_clean 2026-03-10T05:00:00" + utc + " 2026-03-10T07:00:00" + utc,
            "views page_views_clean 2026-12-31T23:00:00" + utc + " 2027-01-01T00:00:00" + utc,
            // by year: the year, its last day too
            "views page_views_clean 2026-01-01T00:00:00" + utc + " 2027-01-01T00:00:00" + utc,
            "views page_views_clean 2026-01-01T00:00:00" + utc + " 2027-01-01T00:00:00" + utc,
            // no partition by time: the interval
            "views page_views_clean 2026-03-10T05:30:00" + utc + " 2026-03-10T06:10:00" + utc,
            ""),
        said);
  }

  /** The time one partition spans is the finest level by time; identity on a date is a day. */
  @Test
  void thePartitionPeriodIsTheFinestLevelByTime() {
    List<Field> fields =
        List.of(
            new Field("country", FieldType.STRING, false, null),
            new Field("day", FieldType.DATE, false, null),
            new Field("at", FieldType.TIMESTAMP, false, null));
    java.util.function.Function<List<Partition>, Optional<String>> period =
        parts ->
            TaskStubs.partitionPeriod(
                new Dataset(
                    "d", null, null, null, null, null, null, null, null, fields, List.of(),
                    List.of(), parts, null, List.of(), null));
    assertEquals(Optional.empty(), period.apply(List.of()));
    assertEquals(
        Optional.empty(),
        period.apply(List.of(new Partition("country", PartitionTransform.IDENTITY))));
    // identity on a timestamp: a partition per instant, never coarser than an interval
    assertEquals(Optional.empty(), period.apply(List.of(new Partition("at", null))));
    assertEquals(Optional.of("day"), period.apply(List.of(new Partition("day", null))));
    assertEquals(
        Optional.of("month"),
        period.apply(
            List.of(
                new Partition("country", PartitionTransform.IDENTITY),
                new Partition("at", PartitionTransform.MONTH))));
    assertEquals(
        Optional.of("hour"),
        period.apply(
            List.of(
                new Partition("at", PartitionTransform.YEAR),
                new Partition("at", PartitionTransform.HOUR))));
  }

  @Test
  void onlyPlainPathsInTheStubFoldersGetAStub() {
    assertEquals(
        Optional.of("jobs/a.py"), TaskStubs.stubPath(task(TaskKind.SPARK, "jobs/a.py --x")));
    assertEquals(Optional.of("sql/q.sql"), TaskStubs.stubPath(task(TaskKind.SQL, "sql/q.sql")));
    for (String bad :
        List.of(
            "../x.sh",
            "/etc/x.sh",
            "scripts/../../x.sh",
            "scripts//x.sh",
            "dags/x.sh",
            "scripts/$(id).sh",
            "echo hi",
            "kafka/create-topics.sh",
            "scripts/x.sh\u0000")) {
      assertEquals(Optional.empty(), TaskStubs.stubPath(task(TaskKind.BASH, bad)), bad);
    }
    assertEquals(
        Optional.empty(), TaskStubs.stubPath(task(TaskKind.SQL, "sql/q.sql; DROP TABLE x")));
    assertEquals(Optional.empty(), TaskStubs.stubPath(task(TaskKind.PYTHON, "jobs/a.py")));
  }
}
