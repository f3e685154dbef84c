package dev.blueprint.core.generate.docs;

import dev.blueprint.core.ddl.PostgresDdl;
import dev.blueprint.core.generate.GeneratorOptions;
import dev.blueprint.core.generate.Naming;
import dev.blueprint.core.generate.airflow.SparkAvro;
import dev.blueprint.core.generate.storage.CassandraDdl;
import dev.blueprint.core.generate.storage.MongoDdl;
import dev.blueprint.core.generate.storage.Neo4jDdl;
import dev.blueprint.core.generate.storage.RedisKeys;
import dev.blueprint.core.generate.storage.StorageNames;
import dev.blueprint.core.generate.storage.StoreCommands;
import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Cache;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Platform;
import dev.blueprint.core.model.StoreFamily;
import dev.blueprint.core.model.Task;
import dev.blueprint.core.model.TaskKind;
import dev.blueprint.core.problem.ProblemException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What deploying the generated repository takes, for its README and Makefile: which parts exist,
 * the DDL commands per database, the Redis pages, the Airflow providers and connections.
 *
 * @param kafkaTopics Kafka streams exist (kafka/topics/, kafka/create-topics.sh)
 * @param otherStreams names of streams on other platforms (Kinesis, event bus), not generated
 * @param lake object-storage datasets exist
 * @param lakeRoot the lake bucket URI
 * @param ddl the apply commands, PostgreSQL, Cassandra, Neo4j, MongoDB in that order
 * @param redis the Redis key spaces (caches and key-value datasets)
 * @param dags the DAG files
 * @param stubFolders the folders of the files the tasks run (jobs/, scripts/, sql/), sorted
 * @param deployFolder the folder the repository's Airflow part goes into, inside the dags folder
 * @param providers pip packages the DAGs import
 * @param connections Airflow connection id -> what it must point at
 * @param sparkAvro a Spark task reads or writes Avro: the DAGs need the Spark version Variable
 */
public record DeployPlan(
    boolean kafkaTopics,
    List<String> otherStreams,
    boolean lake,
    String lakeRoot,
    List<StoreCommands.Command> ddl,
    List<RedisKeys.KeySpace> redis,
    List<String> dags,
    List<String> stubFolders,
    String deployFolder,
    List<String> providers,
    Map<String, String> connections,
    boolean sparkAvro) {
  private static final Pattern JOB = Pattern.compile("jobs/[A-Za-z0-9_][A-Za-z0-9_/-]*\\.py");
  private static final Pattern SCRIPT =
      Pattern.compile("scripts/[A-Za-z0-9_][A-Za-z0-9_/.-]*\\.sh");
  private static final Pattern QUERY = Pattern.compile("sql/[A-Za-z0-9_][A-Za-z0-9_/.-]*\\.sql");

  public DeployPlan {
    otherStreams = List.copyOf(otherStreams);
    ddl = List.copyOf(ddl);
    redis = List.copyOf(redis);
    dags = List.copyOf(dags);
    stubFolders = List.copyOf(stubFolders);
    providers = List.copyOf(providers);
    connections = java.util.Collections.unmodifiableMap(new TreeMap<>(connections));
  }

  /** The environment variables the DDL commands need, sorted, without duplicates. */
  public List<String> variables() {
    Set<String> out = new java.util.TreeSet<>();
    for (StoreCommands.Command c : ddl) {
      out.add(c.variable());
      if (c.store().equals("Neo4j")) {
        out.add("NEO4J_USER");
        out.add("NEO4J_PASSWORD");
      }
    }
    return List.copyOf(out);
  }

  public static DeployPlan of(Blueprint b, GeneratorOptions options) throws ProblemException {
    Architecture a = b.architectureOrEmpty();
    List<StoreCommands.Command> ddl = new ArrayList<>();
    for (String db : PostgresDdl.byDatabase(b).keySet()) {
      String stem = StorageNames.fileStem(db);
      ddl.add(StoreCommands.postgres(stem, "storage/ddl/postgres/" + stem + ".sql"));
    }
    for (CassandraDdl.Keyspace ks : CassandraDdl.of(b)) {
      ddl.add(StoreCommands.cassandra(ks.name(), ks.file()));
    }
    for (Neo4jDdl.Database db : Neo4jDdl.of(b)) {
      ddl.add(StoreCommands.neo4j(db.name(), db.file()));
    }
    for (MongoDdl.Database db : MongoDdl.of(b)) {
      ddl.add(StoreCommands.mongodb(db.name(), db.file()));
    }
    List<RedisKeys.KeySpace> redis = new ArrayList<>();
    a.caches().stream()
        .sorted(Comparator.comparing(Cache::name))
        .forEach(c -> redis.add(RedisKeys.ofCache(c, b)));
    for (Dataset d : dev.blueprint.core.generate.storage.StorageLayout.sorted(a.datasets())) {
      if (d.store() == StoreFamily.KEY_VALUE) {
        redis.add(RedisKeys.ofDataset(d, b));
      }
    }
    return new DeployPlan(
        a.streams().stream().anyMatch(s -> s.platformOrKafka() == Platform.KAFKA),
        a.streams().stream()
            .filter(s -> s.platformOrKafka() != Platform.KAFKA)
            .map(
                s ->
                    s.name()
                        + " ("
                        + s.platformOrKafka()
                            .name()
                            .toLowerCase(java.util.Locale.ROOT)
                            .replace('_', '-')
                        + ")")
            .sorted()
            .toList(),
        a.datasets().stream().anyMatch(d -> d.store() == StoreFamily.OBJECT_STORAGE),
        "s3://" + Naming.lakeBucket(b) + "/",
        ddl,
        redis,
        a.pipelines().stream().map(p -> Naming.dagFile(p.id())).sorted().toList(),
        stubFolders(a),
        StorageNames.fileStem(
            b.engagement() == null || b.engagement().id() == null
                ? "blueprint"
                : b.engagement().id()),
        providers(a, options),
        connections(a),
        SparkAvro.neededBy(a));
  }

  /** The folders of the files the tasks' commands name: jobs/*.py, scripts/*.sh, sql/*.sql. */
  static List<String> stubFolders(Architecture a) {
    Set<String> out = new java.util.TreeSet<>();
    for (Pipeline p : a.pipelines()) {
      for (Task t : p.tasks()) {
        if (t.command() == null || t.command().isBlank()) {
          continue;
        }
        String first = Naming.commandWords(t.command())[0];
        if (JOB.matcher(first).matches()) {
          out.add("jobs/");
        } else if (SCRIPT.matcher(first).matches()) {
          out.add("scripts/");
        } else if (QUERY.matcher(first).matches()) {
          out.add("sql/");
        }
      }
    }
    return List.copyOf(out);
  }

  static List<String> providers(Architecture a, GeneratorOptions options) {
    Set<TaskKind> kinds = new java.util.HashSet<>();
    for (Pipeline p : a.pipelines()) {
      for (Task t : p.tasks()) {
        if (t.command() != null && !t.command().isBlank() && t.kind() != null) {
          kinds.add(t.kind());
        }
      }
    }
    Set<String> out = new LinkedHashSet<>();
    if (a.pipelines().isEmpty()) {
      return List.of();
    }
    if (options.airflowVersion() >= 3) {
      out.add("apache-airflow-providers-standard");
    }
    if (kinds.contains(TaskKind.SQL)) {
      out.add("apache-airflow-providers-common-sql");
      out.add("apache-airflow-providers-postgres");
    }
    if (kinds.contains(TaskKind.SPARK)) {
      out.add("apache-airflow-providers-apache-spark");
    }
    return List.copyOf(out);
  }

  /** The connections the DAGs use, as the DAG contributor derives them. */
  static Map<String, String> connections(Architecture a) {
    Map<String, String> out = new TreeMap<>();
    for (Pipeline p : a.pipelines()) {
      for (Task t : p.tasks()) {
        boolean hasCommand = t.command() != null && !t.command().isBlank();
        if (!hasCommand) {
          continue;
        }
        if (t.kind() == TaskKind.SPARK) {
          out.put("spark_default", "the Spark cluster that runs the jobs (spark-submit)");
        }
        if (t.kind() == TaskKind.SQL) {
          String conn = sqlConnection(a, p, t).orElse("sql_default");
          out.put(conn, "PostgreSQL database " + conn + " (type postgres)");
        }
      }
    }
    return out;
  }

  private static Optional<String> sqlConnection(Architecture a, Pipeline p, Task t) {
    List<String> names = new ArrayList<>(t.outputs());
    names.addAll(t.inputs());
    for (String compensated : t.compensates()) {
      p.tasks().stream()
          .filter(x -> x.id().equals(compensated))
          .forEach(
              x -> {
                names.addAll(x.outputs());
                names.addAll(x.inputs());
              });
    }
    p.tasks().forEach(x -> names.addAll(x.outputs()));
    return names.stream()
        .map(a::dataset)
        .flatMap(Optional::stream)
        .filter(d -> d.store() == StoreFamily.RELATIONAL)
        .map(Naming::databaseOf)
        .findFirst();
  }
}
