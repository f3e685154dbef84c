package dev.blueprint.core.generate.airflow;

import dev.blueprint.core.generate.Contributor;
import dev.blueprint.core.generate.GenerationContext;
import dev.blueprint.core.generate.Naming;
import dev.blueprint.core.generate.storage.LakePaths;
import dev.blueprint.core.generate.storage.LakePaths.PartitionColumn;
import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.FieldType;
import dev.blueprint.core.model.Partition;
import dev.blueprint.core.model.PartitionTransform;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Task;
import dev.blueprint.core.model.TaskKind;
import dev.blueprint.core.problem.ProblemException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Starting points for the files the DAGs' tasks run: a PySpark job for {@code jobs/*.py}, a shell
 * script for {@code scripts/*.sh} and a SQL file for {@code sql/*.sql}, when a task's command names
 * one. Each fails loudly until the team fills it in, so that a stub never passes for working code.
 */
public final class TaskStubs implements Contributor {

  /** A repository-relative file in one of the stub folders; no '..', nothing unusual. */
  private static final Pattern PATH =
      Pattern.compile(
          "(jobs/[A-Za-z0-9_][A-Za-z0-9_/-]*\\.py|scripts/[A-Za-z0-9_][A-Za-z0-9_/.-]*\\.sh"
              + "|sql/[A-Za-z0-9_][A-Za-z0-9_/.-]*\\.sql)");

  @Override
  public String name() {
    return "task-stubs";
  }

  @Override
  public void contribute(GenerationContext context) throws IOException, ProblemException {
    Blueprint b = context.blueprint();
    Map<String, Map<String, Object>> stubs = new TreeMap<>();
    for (Pipeline p : b.architectureOrEmpty().pipelines()) {
      for (Task t : p.tasks()) {
        Optional<String> path = stubPath(t);
        if (path.isEmpty() || stubs.containsKey(path.get())) {
          continue;
        }
        Map<String, Object> model = model(b, p, t, context);
        model.put("path", path.get());
        stubs.put(path.get(), model);
      }
    }
    writePythonCallables(context);
    for (var e : stubs.entrySet()) {
      String path = e.getKey();
      String template =
          path.endsWith(".py")
              ? "stubs/spark-job.py.ftl"
              : path.endsWith(".sh") ? "stubs/script.sh.ftl" : "stubs/query.sql.ftl";
      Map<String, Object> model = e.getValue();
      context.renderOnce(template, "task " + model.get("element"), Map.of("stub", model), path);
      if (path.endsWith(".sh") || path.endsWith(".py")) {
        context.out().makeExecutable(path);
      }
    }
  }

  /** A dotted path to a function: package(s), module and function, lowercase identifiers. */
  private static final Pattern CALLABLE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)+");

  /** Names a callable's path cannot use: Python keywords, and airflow (it would shadow it). */
  private static final java.util.Set<String> KEYWORDS = withAirflow();

  private static java.util.Set<String> withAirflow() {
    java.util.Set<String> all = new java.util.HashSet<>(PythonNames.KEYWORDS);
    all.add("airflow");
    return java.util.Set.copyOf(all);
  }

  /**
   * A module under dags/ (which Airflow puts on the Python path) for the callables that python
   * tasks name, e.g. {@code reports.checks.compare_counts} becomes the function compare_counts in
   * dags/reports/checks.py; packages get an __init__.py. A module that would clash with a DAG file
   * gets no stub.
   */
  private static void writePythonCallables(GenerationContext context)
      throws IOException, ProblemException {
    Map<String, Map<String, Map<String, Object>>> modules = new TreeMap<>();
    java.util.Set<String> dagFiles = new java.util.HashSet<>();
    Blueprint b = context.blueprint();
    b.architectureOrEmpty().pipelines().forEach(p -> dagFiles.add(Naming.dagFile(p.id())));
    for (Pipeline p : b.architectureOrEmpty().pipelines()) {
      for (Task t : p.tasks()) {
        if (t.kind() != TaskKind.PYTHON || t.command() == null) {
          continue;
        }
        String path = t.command().strip();
        if (!CALLABLE.matcher(path).matches()
            || java.util.Arrays.stream(path.split("\\.")).anyMatch(KEYWORDS::contains)) {
          continue;
        }
        int dot = path.lastIndexOf('.');
        String file = "dags/" + path.substring(0, dot).replace('.', '/') + ".py";
        if (dagFiles.contains(file)) {
          continue;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", path.substring(dot + 1));
        f.put("element", p.id() + "." + t.fullId());
        f.put("description", t.description());
        modules.computeIfAbsent(file, k -> new TreeMap<>()).putIfAbsent(path, f);
      }
    }
    java.util.Set<String> packages = new java.util.TreeSet<>();
    for (var m : modules.entrySet()) {
      String file = m.getKey();
      for (int i = file.indexOf('/', "dags/".length()); i > 0; i = file.indexOf('/', i + 1)) {
        packages.add(file.substring(0, i) + "/__init__.py");
      }
      context.renderOnce(
          "stubs/callables.py.ftl",
          "python tasks of " + file,
          Map.of("functions", new ArrayList<>(m.getValue().values())),
          file);
    }
    for (String init : packages) {
      if (!modules.containsKey(init)) {
        context.out().writeOnce(init, "");
      }
    }
    writeAirflowIgnore(context, modules.keySet());
  }

  /**
   * dags/.airflowignore naming the callables' top-level packages and modules, so that Airflow's DAG
   * processor does not parse them as DAG files (their text names Airflow and dags/, which is all
   * its safe mode looks for). Each line means the same in both pattern syntaxes (regexp, Airflow
   * 2's default, and glob, Airflow 3's): {@code pkg/} matches the files under dags/pkg/.
   */
  private static void writeAirflowIgnore(GenerationContext context, java.util.Set<String> files)
      throws IOException, ProblemException {
    java.util.Set<String> tops = new java.util.TreeSet<>();
    for (String file : files) {
      String rest = file.substring("dags/".length());
      int slash = rest.indexOf('/');
      tops.add(slash < 0 ? rest : rest.substring(0, slash + 1));
    }
    if (tops.isEmpty()) {
      return;
    }
    StringBuilder text =
        new StringBuilder(
            "# Generated by blueprint: helper code of the DAGs' python tasks, not DAG files.\n");
    tops.forEach(t -> text.append(t).append('\n'));
    context.out().write("dags/.airflowignore", text.toString());
  }

  /** The stub file a task's command names, if it names one a stub is written for. */
  static Optional<String> stubPath(Task t) {
    if (t.command() == null || t.command().isBlank()) {
      return Optional.empty();
    }
    String first = Naming.commandWords(t.command())[0];
    boolean fits =
        switch (t.kind() == null ? TaskKind.EMPTY : t.kind()) {
          case SPARK -> first.endsWith(".py");
          case BASH, SENSOR -> first.endsWith(".sh");
          case SQL -> first.endsWith(".sql") && t.command().strip().equals(first);
          default -> false;
        };
    if (!fits
        || !PATH.matcher(first).matches()
        || first.contains("//")
        || first.contains("/../")
        || first.contains("/./")) {
      return Optional.empty();
    }
    return Optional.of(first);
  }

  private static Map<String, Object> model(
      Blueprint b, Pipeline p, Task t, GenerationContext context) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("element", p.id() + "." + t.fullId());
    m.put("pipeline", p.id());
    m.put("task", t.fullId());
    m.put("description", t.description());
    m.put("inputs", data(b, t.inputs(), context));
    m.put("outputs", data(b, t.outputs(), context));
    m.put("options", options(t));
    return m;
  }

  /**
   * The --flags of the task's command after the job file (e.g. --topic of "jobs/land.py --topic
   * x"): the DAG passes them to the job, whose parser must accept them.
   */
  private static List<String> options(Task t) {
    if (t.command() == null || t.command().isBlank()) {
      return List.of();
    }
    String[] words = Naming.commandWords(t.command());
    List<String> out = new ArrayList<>();
    for (int i = 1; i < words.length; i++) {
      String flag = words[i].split("=", 2)[0];
      if (flag.matches("--[A-Za-z][A-Za-z0-9_-]*")
          && !List.of("--input", "--output", "--data-interval-start", "--data-interval-end")
              .contains(flag)
          && !out.contains(flag)) {
        out.add(flag);
      }
    }
    return out;
  }

  private static List<Map<String, Object>> data(
      Blueprint b, List<String> names, GenerationContext context) {
    Architecture a = b.architectureOrEmpty();
    List<Map<String, Object>> out = new ArrayList<>();
    for (String n : names) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("name", n);
      d.put("var", PythonNames.identifier(n).toUpperCase(Locale.ROOT));
      Optional<Dataset> ds = a.dataset(n);
      if (ds.isPresent()) {
        d.put("uri", Naming.assetUri(b, ds.get()));
        d.put(
            "format",
            ds.get().format() == null ? "" : ds.get().format().name().toLowerCase(Locale.ROOT));
        d.put("partitionBy", partitionBy(ds.get()));
        partitionPeriod(ds.get()).ifPresent(period -> d.put("period", period));
      } else if (a.stream(n).isPresent()) {
        d.put("uri", Naming.topicAssetUri(context.options().strimziCluster(), n));
        d.put("format", "kafka");
        d.put("partitionBy", Map.of());
      } else {
        continue;
      }
      out.add(d);
    }
    return out;
  }

  /** The time partitions, coarsest first. */
  private static final List<PartitionTransform> PERIODS =
      List.of(
          PartitionTransform.YEAR,
          PartitionTransform.MONTH,
          PartitionTransform.DAY,
          PartitionTransform.HOUR);

  /**
   * The time one partition of the dataset spans: its finest level by time (year, month, day or
   * hour; identity on a date field is a day), empty when no level is by time. A run that writes the
   * dataset overwrites whole partitions, so it must rebuild each one its interval touches whole:
   * e.g. a daily run of a dataset partitioned by month rebuilds the month.
   */
  static Optional<String> partitionPeriod(Dataset d) {
    int finest = -1;
    for (Partition p : d.partitioning()) {
      PartitionTransform t = p.transformOrIdentity();
      boolean date =
          d.fields().stream()
              .anyMatch(f -> f.name().equals(p.field()) && f.type() == FieldType.DATE);
      if (t == PartitionTransform.IDENTITY && date) {
        t = PartitionTransform.DAY;
      }
      finest = Math.max(finest, PERIODS.indexOf(t));
    }
    return finest < 0
        ? Optional.empty()
        : Optional.of(PERIODS.get(finest).name().toLowerCase(Locale.ROOT));
  }

  /**
   * The dataset's partition folders (the keys of storage/layout.yaml, e.g. event_time_day) with the
   * Spark SQL expression that computes each from the row, so that a job's partitionBy writes the
   * layout's folders and not one folder per timestamp.
   */
  private static Map<String, String> partitionBy(Dataset d) {
    Map<String, String> out = new LinkedHashMap<>();
    for (PartitionColumn p : LakePaths.partitionColumns(d)) {
      String field = "`" + p.field() + "`";
      out.put(
          p.column(),
          p.transform().equals("identity")
              ? field
              : "date_format(" + field + ", '" + p.valueFormat() + "')");
    }
    return out;
  }
}
