package dev.blueprint.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.core.generate.Naming;
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
        dags.put(file, expectation(p));
      }
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("version", airflowVersion);
    spec.put("root", "/");
    spec.put("dags", dags);
    Python.run(script(), new ObjectMapper().writeValueAsString(spec))
        .assertOk("python3 compile + ast walk of the generated DAGs");
  }

  private static Map<String, Object> expectation(Pipeline p) {
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
          "command", t.command() == null || t.command().isBlank() || !exact ? null : t.command());
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

  private static String script() throws IOException {
    try (InputStream in = DagChecks.class.getResourceAsStream("/checks/dag_checks.py")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
