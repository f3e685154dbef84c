package dev.blueprint.core.generate.airflow;

import dev.blueprint.core.generate.GeneratorOptions;
import dev.blueprint.core.generate.Naming;
import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.StoreFamily;
import dev.blueprint.core.model.Task;
import dev.blueprint.core.model.TaskGroup;
import dev.blueprint.core.model.TaskKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The template model of one pipeline's DAG file: everything the template needs, derived once from
 * the blueprint (operators, imports, variables, assets, schedule, dependencies). User strings stay
 * raw here; the template escapes each for the place it lands in.
 */
final class DagModel {

  /** Retries of every task when the pipeline gives none. */
  static final int DEFAULT_RETRIES = 2;

  /** Delay between retries when the pipeline gives none. */
  static final Duration DEFAULT_RETRY_DELAY = Duration.ofMinutes(5);

  /** Airflow connection id for SQL tasks that touch no relational dataset. */
  static final String DEFAULT_SQL_CONN = "sql_default";

  /** Airflow connection id of the Spark cluster. */
  static final String SPARK_CONN = "spark_default";

  /** The task that fails a run whose failure the compensating tasks cleaned up after. */
  static final String FAIL_TASK = "mark_run_failed";

  private final Blueprint blueprint;
  private final Pipeline pipeline;
  private final GeneratorOptions options;
  private final PythonNames names = new PythonNames();
  private final Map<String, String> taskVars = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> assets = new LinkedHashMap<>();
  private final Set<String> operators = new TreeSet<>();
  private boolean usesInterval;
  private boolean usesSparkAvro;

  private DagModel(Blueprint blueprint, Pipeline pipeline, GeneratorOptions options) {
    this.blueprint = blueprint;
    this.pipeline = pipeline;
    this.options = options;
  }

  /** The model of {@code pipeline}'s DAG. */
  static Map<String, Object> of(Blueprint blueprint, Pipeline pipeline, GeneratorOptions options) {
    return new DagModel(blueprint, pipeline, options).build();
  }

  private Architecture architecture() {
    return blueprint.architectureOrEmpty();
  }

  private Map<String, Object> build() {
    for (Task t : pipeline.tasks()) {
      taskVars.put(t.id(), names.variable(t.id()));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dagId", pipeline.id());
    m.put("doc", pipeline.description());
    m.put("owner", pipeline.owner());
    m.put("tags", pipeline.tags());
    int retries = pipeline.retries() != null ? pipeline.retries() : DEFAULT_RETRIES;
    m.put("retries", retries);
    m.put(
        "retryDelay",
        timedelta(pipeline.retryDelay() != null ? pipeline.retryDelay() : DEFAULT_RETRY_DELAY));
    var start = pipeline.startDate();
    m.put(
        "startDate",
        start == null
            ? List.of(2024, 1, 1)
            : List.of(start.getYear(), start.getMonthValue(), start.getDayOfMonth()));
    m.put("blocks", blocks());
    m.put("schedule", schedule());
    m.put("edges", edges());
    m.put("compensations", compensations());
    boolean compensates = pipeline.tasks().stream().anyMatch(Task::isCompensation);
    m.put("failTask", compensates ? failTask() : null);
    if (compensates) {
      operators.add("PythonOperator");
    }
    m.put("assets", new ArrayList<>(assets.values()));
    m.put("usesInterval", usesInterval);
    m.put("usesSparkAvro", usesSparkAvro);
    m.put("sparkAvroPackage", SparkAvro.PACKAGE);
    m.put("sparkVersionVariable", SparkAvro.SPARK_VERSION_VARIABLE);
    m.put("scalaVersionVariable", SparkAvro.SCALA_VERSION_VARIABLE);
    m.put("operators", new ArrayList<>(operators));
    m.put("usesPythonCall", pipeline.tasks().stream().anyMatch(t -> isCommand(t, TaskKind.PYTHON)));
    m.put(
        "usesGroups",
        !pipeline.groups().isEmpty()
            || pipeline.tasks().stream().anyMatch(t -> t.group() != null && !t.group().isEmpty()));
    return m;
  }

  /** Top-level tasks and task groups, in the order their first task appears. */
  private List<Map<String, Object>> blocks() {
    List<Map<String, Object>> blocks = new ArrayList<>();
    Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
    for (Task t : pipeline.tasks()) {
      Map<String, Object> task = task(t);
      String g = t.group();
      if (g == null || g.isEmpty()) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "task");
        block.put("task", task);
        blocks.add(block);
        continue;
      }
      Map<String, Object> group = groups.get(g);
      if (group == null) {
        group = new LinkedHashMap<>();
        group.put("type", "group");
        group.put("id", g);
        group.put("var", names.variable(g));
        group.put(
            "tooltip",
            pipeline.groups().stream()
                .filter(x -> g.equals(x.id()))
                .map(TaskGroup::description)
                .filter(d -> d != null)
                .findFirst()
                .orElse(null));
        group.put("tasks", new ArrayList<Map<String, Object>>());
        groups.put(g, group);
        blocks.add(group);
      }
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> tasks = (List<Map<String, Object>>) group.get("tasks");
      tasks.add(task);
    }
    return blocks;
  }

  private static boolean isCommand(Task t, TaskKind kind) {
    return t.kind() == kind && t.command() != null && !t.command().isBlank();
  }

  private Map<String, Object> task(Task t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("var", taskVars.get(t.id()));
    m.put("doc", t.description());
    m.put("retries", t.retries());
    m.put("compensation", t.isCompensation());
    TaskKind kind = t.kind() == null ? TaskKind.EMPTY : t.kind();
    boolean hasCommand = t.command() != null && !t.command().isBlank();
    String operator =
        !hasCommand
            ? "EmptyOperator"
            : switch (kind) {
              case BASH -> "BashOperator";
              case PYTHON -> "PythonOperator";
              case SQL -> "SQLExecuteQueryOperator";
              case SPARK -> "SparkSubmitOperator";
              case SENSOR -> "BashSensor";
              case EMPTY -> "EmptyOperator";
            };
    operators.add(operator);
    // templated tasks (their SQL files too) may use the interval macros in Airflow 3
    usesInterval |=
        options.airflowVersion() == 3
            && !operator.equals("PythonOperator")
            && !operator.equals("EmptyOperator");
    m.put("operator", operator);
    m.put("missingCommand", !hasCommand && kind != TaskKind.EMPTY);
    m.put("kind", kind.name().toLowerCase(Locale.ROOT));
    m.put(
        "command",
        !hasCommand ? "" : operator.equals("PythonOperator") ? t.command() : jinja(t.command()));
    if (hasCommand && (kind == TaskKind.BASH || kind == TaskKind.SENSOR)) {
      String c = (String) m.get("command");
      if (c.endsWith(".sh") || c.endsWith(".bash")) {
        // Airflow reads a bash_command ending in .sh as a Jinja template file; a space keeps
        // it a command that runs the script
        m.put("command", c + " ");
      }
    }
    if (operator.equals("SQLExecuteQueryOperator")) {
      m.put("connId", sqlConnection(t));
    }
    if (operator.equals("SparkSubmitOperator")) {
      String[] parts = Naming.commandWords(t.command());
      m.put("application", parts[0]);
      List<String> args = new ArrayList<>(List.of(parts).subList(1, parts.length));
      for (String in : t.inputs()) {
        uri(in).ifPresent(u -> args.addAll(List.of("--input", u)));
      }
      for (String out : t.outputs()) {
        uri(out).ifPresent(u -> args.addAll(List.of("--output", u)));
      }
      args.addAll(
          List.of(
              "--data-interval-start",
              "{{ data_interval_start }}",
              "--data-interval-end",
              "{{ data_interval_end }}"));
      m.put("applicationArgs", args.stream().map(this::jinja).toList());
      m.put("sparkName", pipeline.id() + "." + t.fullId());
      m.put("sparkConn", SPARK_CONN);
      boolean avro = SparkAvro.needed(architecture(), t);
      m.put("sparkAvro", avro);
      usesSparkAvro |= avro;
    }
    m.put("inlets", assetVars(t.inputs()));
    m.put("outlets", assetVars(t.outputs()));
    return m;
  }

  /**
   * A templated field's text for the target Airflow: in Airflow 3, names that runs without a
   * logical date lack are rewritten to what every run has (see {@link RunDates}).
   */
  private String jinja(String text) {
    if (options.airflowVersion() != 3) {
      return text;
    }
    String rewritten = RunDates.forAirflow3(text);
    usesInterval |= RunDates.usesInterval(rewritten);
    return rewritten;
  }

  /** The Airflow connection of a SQL task: the database of the relational data it touches. */
  private String sqlConnection(Task t) {
    List<String> names = new ArrayList<>(t.outputs());
    names.addAll(t.inputs());
    for (String compensated : t.compensates()) {
      pipeline.tasks().stream()
          .filter(x -> x.id().equals(compensated))
          .forEach(
              x -> {
                names.addAll(x.outputs());
                names.addAll(x.inputs());
              });
    }
    for (Task x : pipeline.tasks()) {
      names.addAll(x.outputs());
    }
    return names.stream()
        .map(n -> architecture().dataset(n))
        .flatMap(Optional::stream)
        .filter(d -> d.store() == StoreFamily.RELATIONAL)
        .map(Naming::databaseOf)
        .findFirst()
        .orElse(DEFAULT_SQL_CONN);
  }

  private Optional<String> uri(String name) {
    Optional<Dataset> d = architecture().dataset(name);
    if (d.isPresent()) {
      return Optional.of(Naming.assetUri(blueprint, d.get()));
    }
    return architecture().stream(name)
        .map(s -> Naming.topicAssetUri(options.strimziCluster(), s.name()));
  }

  /** The variables of the assets for these dataset or stream names, defining them on first use. */
  private List<String> assetVars(List<String> datasetOrStreamNames) {
    List<String> vars = new ArrayList<>();
    for (String name : datasetOrStreamNames) {
      Optional<String> uri = uri(name);
      if (uri.isEmpty()) {
        continue;
      }
      Map<String, Object> asset =
          assets.computeIfAbsent(
              name,
              n -> {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("var", names.constant(n));
                a.put("name", n);
                a.put("uri", uri.get());
                return a;
              });
      vars.add((String) asset.get("var"));
    }
    return vars;
  }

  /** kind: none, expression (a cron or preset string) or assets (a list of asset variables). */
  private Map<String, Object> schedule() {
    Map<String, Object> m = new LinkedHashMap<>();
    String s = pipeline.schedule() == null ? "none" : pipeline.schedule().strip();
    if (s.equalsIgnoreCase("none") || s.isEmpty()) {
      m.put("kind", "none");
    } else if (s.equalsIgnoreCase("assets") || s.equalsIgnoreCase("datasets")) {
      Set<String> produced = new LinkedHashSet<>();
      for (Pipeline other : architecture().pipelines()) {
        if (!other.id().equals(pipeline.id())) {
          other.tasks().forEach(t -> produced.addAll(t.outputs()));
        }
      }
      Set<String> inputs = new LinkedHashSet<>();
      pipeline.tasks().forEach(t -> inputs.addAll(t.inputs()));
      inputs.retainAll(produced);
      List<String> vars = assetVars(new ArrayList<>(inputs));
      m.put("kind", vars.isEmpty() ? "none" : "assets");
      m.put("assets", vars);
    } else {
      m.put("kind", "expression");
      m.put("expression", s);
      // Airflow 3 turns a cron string into CronTriggerTimetable, whose runs have an empty data
      // interval (start = end); the tasks read "the interval's data", so ask for intervals
      m.put(
          "dataIntervals",
          options.airflowVersion() == 3 && !s.equals("@once") && !s.equals("@continuous"));
    }
    return m;
  }

  /** Plain dependencies: upstream variable to downstream variable lists. */
  private List<Map<String, Object>> edges() {
    List<Map<String, Object>> edges = new ArrayList<>();
    for (Task t : pipeline.tasks()) {
      List<String> up = t.dependsOn().stream().map(taskVars::get).filter(v -> v != null).toList();
      if (!up.isEmpty()) {
        edges.add(Map.of("upstream", up, "downstream", taskVars.get(t.id())));
      }
    }
    return edges;
  }

  /** Compensating tasks: downstream of the tasks they undo, run when one of them fails. */
  private List<Map<String, Object>> compensations() {
    List<Map<String, Object>> edges = new ArrayList<>();
    for (Task t : pipeline.tasks()) {
      List<String> up = t.compensates().stream().map(taskVars::get).filter(v -> v != null).toList();
      if (!up.isEmpty()) {
        edges.add(Map.of("upstream", up, "downstream", taskVars.get(t.id())));
      }
    }
    return edges;
  }

  private Map<String, Object> failTask() {
    Map<String, Object> m = new LinkedHashMap<>();
    Set<String> ids = new TreeSet<>();
    pipeline.tasks().forEach(t -> ids.add(t.id()));
    String id = FAIL_TASK;
    for (int n = 2; ids.contains(id); n++) {
      id = FAIL_TASK + "_" + n;
    }
    m.put("id", id);
    m.put("var", names.variable(id));
    m.put(
        "upstream",
        pipeline.tasks().stream()
            .filter(t -> !t.isCompensation())
            .map(t -> taskVars.get(t.id()))
            .toList());
    return m;
  }

  /** A Python timedelta expression in the largest whole unit. */
  static String timedelta(Duration d) {
    long s = d.getSeconds();
    if (s % 86400 == 0 && s > 0) {
      return "timedelta(days=" + s / 86400 + ")";
    }
    if (s % 3600 == 0 && s > 0) {
      return "timedelta(hours=" + s / 3600 + ")";
    }
    if (s % 60 == 0 && s > 0) {
      return "timedelta(minutes=" + s / 60 + ")";
    }
    return "timedelta(seconds=" + s + ")";
  }
}
