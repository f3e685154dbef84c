package dev.blueprint.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.core.generate.Naming;
import dev.blueprint.core.generate.airflow.RunDates;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Task;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs checks/dag_checks.py (python3's compiler and an ast walk) over the DAGs generated for a
 * blueprint, with the expectations taken from the blueprint itself.
 */
public final class DagChecks {
  private DagChecks() {}

  /** Checks the DAG files of one generated repository; fails with python's report. */
  public static void check(Blueprint blueprint, Path root, int airflowVersion) throws IOException {
    check(Map.of(root, blueprint), airflowVersion);
  }

  /** Checks several generated repositories with one python3 run. */
  public static void check(Map<Path, Blueprint> repositories, int airflowVersion)
      throws IOException {
    Map<String, Object> dags = new LinkedHashMap<>();
    for (var e : repositories.entrySet()) {
      for (Pipeline p : e.getValue().architectureOrEmpty().pipelines()) {
        String file = e.getKey().resolve(Naming.dagFile(p.id())).toString();
        dags.put(file, expectation(p, airflowVersion));
      }
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("version", airflowVersion);
    spec.put("root", "/");
    spec.put("dags", dags);
    Python.run(script(), new ObjectMapper().writeValueAsString(spec))
        .assertOk("python3 compile + ast walk of the generated DAGs");
  }

  private static Map<String, Object> expectation(Pipeline p, int airflowVersion) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dagId", p.id());
    m.put("doc", p.description());
    m.put("tags", p.tags());
    m.put("owner", p.owner());
    Map<String, String> groups = new LinkedHashMap<>();
    p.groups().forEach(g -> groups.put(g.id(), g.description()));
    m.put("groups", groups);
    Map<String, Object> tasks = new LinkedHashMap<>();
    List<List<String>> edges = new ArrayList<>();
    for (Task t : p.tasks()) {
      Map<String, Object> task = new LinkedHashMap<>();
      task.put("doc", t.description());
      boolean exact =
          t.kind() != dev.blueprint.core.model.TaskKind.SPARK
              && t.kind() != dev.blueprint.core.model.TaskKind.EMPTY;
      task.put(
          "command",
          t.command() == null || t.command().isBlank() || !exact
              ? null
              : expectedCommand(t, airflowVersion));
      task.put("compensation", t.isCompensation());
      task.put("group", t.group() == null || t.group().isEmpty() ? null : t.group());
      tasks.put(t.id(), task);
      t.dependsOn().forEach(d -> edges.add(List.of(d, t.id())));
      t.compensates().forEach(d -> edges.add(List.of(d, t.id())));
    }
    m.put("tasks", tasks);
    m.put("edges", edges);
    m.put("extraTasks", List.of("mark_run_failed"));
    return m;
  }

  /**
   * The command as the DAG must give it: in Airflow 3 with the run-date names rewritten (see
   * RunDates), and a script command with a trailing space (else Airflow reads it as a template).
   */
  private static String expectedCommand(Task t, int airflowVersion) {
    String c =
        airflowVersion == 3 && t.kind() != dev.blueprint.core.model.TaskKind.PYTHON
            ? RunDates.forAirflow3(t.command())
            : t.command();
    boolean bash =
        t.kind() == dev.blueprint.core.model.TaskKind.BASH
            || t.kind() == dev.blueprint.core.model.TaskKind.SENSOR;
    return bash && (c.endsWith(".sh") || c.endsWith(".bash")) ? c + " " : c;
  }

  private static String script() throws IOException {
    try (InputStream in = DagChecks.class.getResourceAsStream("/checks/dag_checks.py")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
