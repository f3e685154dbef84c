package dev.blueprint.core.generate.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.generate.GenerationContext;
import dev.blueprint.core.generate.GeneratorOptions;
import dev.blueprint.core.generate.OutputTree;
import dev.blueprint.core.generate.Templates;
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
