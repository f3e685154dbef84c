package dev.blueprint.targets.stores;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import dev.blueprint.core.generate.escape.CqlEscapers;
import dev.blueprint.core.generate.storage.CassandraDdl;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.targets.TargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The blueprint's Cassandra keyspaces and tables ({@link CassandraDdl}, the model the generated
 * {@code storage/ddl/cassandra/*.cql} scripts are rendered from) planned against and applied to a
 * cluster, with the guarantees of {@link StoreTarget}. Objects are {@code KEYSPACE}s (scope null)
 * and {@code TABLE}s (scope: the keyspace).
 *
 * <p>The statements are the generated script's ({@link CassandraDdl.Keyspace#createCql}), so the
 * script and apply create the same schema. Cassandra has no transactions: apply creates one object
 * at a time, each with a plain {@code CREATE} (not {@code IF NOT EXISTS}: an object someone else
 * created between plan and apply must fail the run rather than be recorded as this run's), and on a
 * failure drops what it created, in reverse order. The driver waits for schema agreement after each
 * statement.
 */
public final class CassandraTarget implements StoreTarget {
  /** {@link StoreObject#store()} of Cassandra's objects. */
  public static final String STORE = "cassandra";

  public static final String KEYSPACE = "KEYSPACE";
  public static final String TABLE = "TABLE";

  /** A schema change on a loaded cluster can take longer than a read. */
  private static final Duration DDL_TIMEOUT = Duration.ofSeconds(60);

  private static final String NTS = "org.apache.cassandra.locator.NetworkTopologyStrategy";

  private final CassandraConnection connection;
  private CqlSession session;

  public CassandraTarget(CassandraConnection connection) {
    this.connection = connection;
  }

  @Override
  public String store() {
    return "Cassandra";
  }

  @Override
  public String where() {
    return connection.where();
  }

  @Override
  public boolean hasObjects(Blueprint blueprint) {
    return !keyspaces(blueprint).isEmpty();
  }

  @Override
  public StorePlan plan(Blueprint blueprint) {
    return planned(blueprint).plan();
  }

  @Override
  public StoreApplyResult apply(Blueprint blueprint) {
    Planned p = planned(blueprint);
    List<StorePlan.Item> conflicts = p.plan().conflicts();
    if (!conflicts.isEmpty()) {
      List<String> lines = new ArrayList<>();
      conflicts.forEach(i -> lines.add(i.object().label() + ": " + i.detail()));
      throw new TargetException(
          "Cassandra at "
              + where()
              + " has "
              + conflicts.size()
              + " object(s) of the blueprint's names defined differently; apply refuses and"
              + " changed nothing (rename or drop them first): "
              + String.join("; ", lines));
    }
    List<StoreObject> created = new ArrayList<>();
    for (Step s : p.steps()) {
      if (s.state() != StorePlan.State.CREATE) {
        continue;
      }
      try {
        execute(s.cql());
      } catch (DriverException e) {
        throw new TargetException(
            "creating "
                + s.object().label()
                + " in Cassandra at "
                + where()
                + " failed: "
                + e.getMessage()
                + "; "
                + undo(created),
            e);
      }
      created.add(s.object());
    }
    return new StoreApplyResult(created, p.plan().existing().size());
  }

  /** Drops what a failed apply created; says what became of it. */
  private String undo(List<StoreObject> created) {
    if (created.isEmpty()) {
      return "this run had created nothing";
    }
    List<String> labels = created.stream().map(StoreObject::label).toList();
    try {
      dropCreated(created);
      return "what this run created was dropped (" + String.join(", ", labels) + ")";
    } catch (TargetException e) {
      return "dropping what this run created ("
          + String.join(", ", labels)
          + ") failed too: "
          + e.getMessage();
    }
  }

  @Override
  public List<StoreObject> dropCreated(List<StoreObject> created) {
    List<StoreObject> dropped = new ArrayList<>();
    StoreObject current = null;
    try {
      for (int i = created.size() - 1; i >= 0; i--) {
        current = created.get(i);
        if (!STORE.equals(current.store())) {
          continue;
        }
        boolean table = TABLE.equals(current.kind()) && current.scope() != null;
        boolean drop =
            table
                ? tableExists(current.scope(), current.name())
                // a keyspace that holds anything else (someone's table, type, function) stays
                : KEYSPACE.equals(current.kind())
                    && keyspaceExists(current.name())
                    && isEmpty(current.name());
        if (!drop) {
          continue;
        }
        execute(
            table
                ? "DROP TABLE IF EXISTS " + id(current.scope()) + "." + id(current.name())
                : "DROP KEYSPACE IF EXISTS " + id(current.name()));
        dropped.add(current);
      }
      return dropped;
    } catch (DriverException e) {
      throw new TargetException(
          "dropping "
              + current.label()
              + " in Cassandra at "
              + where()
              + " failed: "
              + e.getMessage()
              + (dropped.isEmpty()
                  ? ""
                  : "; dropped before it: "
                      + String.join(", ", dropped.stream().map(StoreObject::label).toList())),
          e);
    }
  }

  @Override
  public void close() {
    if (session != null) {
      try {
        session.close();
      } catch (RuntimeException e) {
        // closing is best effort: the session is gone either way
      }
      session = null;
    }
  }

  /** One object of the plan and the statement that creates it. */
  private record Step(StoreObject object, StorePlan.State state, String cql) {}

  private record Planned(StorePlan plan, List<Step> steps) {}

  /** A table as the cluster has it. */
  private record Live(
      Map<String, String> columns,
      List<String> partitionKey,
      List<String> clustering,
      long defaultTtl) {}

  private Planned planned(Blueprint blueprint) {
    List<CassandraDdl.Keyspace> keyspaces = keyspaces(blueprint);
    List<StorePlan.Item> items = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    try {
      for (CassandraDdl.Keyspace ks : keyspaces) {
        StoreObject kso = new StoreObject(STORE, KEYSPACE, null, ks.name());
        Map<String, String> replication = replication(ks.name());
        StorePlan.State kState;
        if (replication == null) {
          kState = StorePlan.State.CREATE;
          long nodes =
              session().getMetadata().getNodes().values().stream()
                  .map(Node::getDatacenter)
                  .filter(connection.localDatacenter()::equals)
                  .count();
          if (nodes < ks.replicationFactor()) {
            notes.add(
                "data centre "
                    + connection.localDatacenter()
                    + " has "
                    + nodes
                    + " node(s), fewer than the replication factor "
                    + ks.replicationFactor()
                    + " keyspace "
                    + ks.name()
                    + " is created with: reads and writes at QUORUM fail until it has "
                    + ks.replicationFactor());
          }
        } else {
          kState = StorePlan.State.EXISTS;
          Map<String, String> wanted = wantedReplication(ks);
          if (!wanted.equals(replication)) {
            notes.add(
                "keyspace "
                    + ks.name()
                    + " exists with replication "
                    + replication
                    + ", the blueprint would create it with "
                    + wanted
                    + "; apply leaves it as it is (replication is the operator's business)");
          }
        }
        items.add(new StorePlan.Item(kso, kState, ""));
        steps.add(new Step(kso, kState, ks.createCql(connection.localDatacenter(), false)));
        Map<String, Live> live = replication == null ? Map.of() : tables(ks.name());
        List<String> views = replication == null ? List.of() : views(ks.name());
        for (CassandraDdl.Table t : ks.tables()) {
          StoreObject to = new StoreObject(STORE, TABLE, ks.name(), t.name());
          StorePlan.State state;
          String detail = "";
          Live l = live.get(t.name());
          if (views.contains(t.name())) {
            state = StorePlan.State.DIFFERS;
            detail = "a materialized view of that name exists";
          } else if (l == null) {
            state = StorePlan.State.CREATE;
          } else {
            detail = differences(t, l);
            state = detail.isEmpty() ? StorePlan.State.EXISTS : StorePlan.State.DIFFERS;
            long wantedTtl = t.ttlSeconds() == null ? 0 : t.ttlSeconds();
            if (l.defaultTtl() != wantedTtl) {
              notes.add(
                  "table "
                      + ks.name()
                      + "."
                      + t.name()
                      + " has default_time_to_live "
                      + l.defaultTtl()
                      + ", the blueprint wants "
                      + wantedTtl
                      + "; apply leaves it as it is");
            }
          }
          if (t.ttlNote() != null) {
            notes.add("table " + ks.name() + "." + t.name() + ": " + t.ttlNote());
          }
          items.add(new StorePlan.Item(to, state, detail));
          steps.add(new Step(to, state, t.createCql(ks.name(), false)));
        }
      }
    } catch (DriverException e) {
      throw new TargetException(
          "reading the schema of Cassandra at " + where() + " failed: " + e.getMessage(), e);
    }
    return new Planned(new StorePlan(store(), where(), items, notes), steps);
  }

  /**
   * How the cluster's table differs from the blueprint's, for a reviewer; empty when it does not.
   */
  private static String differences(CassandraDdl.Table t, Live l) {
    List<String> d = new ArrayList<>();
    Map<String, String> wanted = new LinkedHashMap<>();
    t.columns().forEach(c -> wanted.put(c.name(), c.type()));
    wanted.forEach(
        (name, type) -> {
          String has = l.columns().get(name);
          if (has == null) {
            d.add("column " + name + " is missing, the blueprint wants " + type);
          } else if (!has.equals(type)) {
            d.add("column " + name + " is " + has + ", the blueprint wants " + type);
          }
        });
    l.columns()
        .forEach(
            (name, type) -> {
              if (!wanted.containsKey(name)) {
                d.add("column " + name + " (" + type + ") is not in the blueprint");
              }
            });
    if (!l.partitionKey().equals(t.partitionKey())) {
      d.add(
          "partition key is ("
              + String.join(", ", l.partitionKey())
              + "), the blueprint wants ("
              + String.join(", ", t.partitionKey())
              + ")");
    }
    List<String> clustering =
        t.clustering().stream()
            .map(c -> c.column() + " " + c.order().toUpperCase(Locale.ROOT))
            .toList();
    if (!l.clustering().equals(clustering)) {
      d.add(
          "clustering is ("
              + String.join(", ", l.clustering())
              + "), the blueprint wants ("
              + String.join(", ", clustering)
              + ")");
    }
    return String.join("; ", d);
  }

  private Map<String, String> wantedReplication(CassandraDdl.Keyspace ks) {
    return new TreeMap<>(
        Map.of(
            "class", NTS, connection.localDatacenter(), Integer.toString(ks.replicationFactor())));
  }

  /** The keyspace's replication, or null when it does not exist. */
  private Map<String, String> replication(String keyspace) {
    Row r =
        one("SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?", keyspace);
    return r == null ? null : new TreeMap<>(r.getMap("replication", String.class, String.class));
  }

  private Map<String, Live> tables(String keyspace) {
    Map<String, Long> ttl = new TreeMap<>();
    for (Row r :
        session()
            .execute(
                SimpleStatement.newInstance(
                    "SELECT table_name, default_time_to_live FROM system_schema.tables"
                        + " WHERE keyspace_name = ?",
                    keyspace))) {
      ttl.put(r.getString("table_name"), (long) r.getInt("default_time_to_live"));
    }
    Map<String, Map<String, String>> columns = new TreeMap<>();
    Map<String, Map<Integer, String>> partition = new TreeMap<>();
    Map<String, Map<Integer, String>> clustering = new TreeMap<>();
    for (Row r :
        session()
            .execute(
                SimpleStatement.newInstance(
                    "SELECT table_name, column_name, kind, position, clustering_order, type"
                        + " FROM system_schema.columns WHERE keyspace_name = ?",
                    keyspace))) {
      String table = r.getString("table_name");
      String column = r.getString("column_name");
      columns.computeIfAbsent(table, x -> new TreeMap<>()).put(column, r.getString("type"));
      int position = r.getInt("position");
      switch (r.getString("kind")) {
        case "partition_key" ->
            partition.computeIfAbsent(table, x -> new TreeMap<>()).put(position, column);
        case "clustering" ->
            clustering
                .computeIfAbsent(table, x -> new TreeMap<>())
                .put(
                    position,
                    column + " " + r.getString("clustering_order").toUpperCase(Locale.ROOT));
        default -> {}
      }
    }
    Map<String, Live> out = new TreeMap<>();
    ttl.forEach(
        (table, t) ->
            out.put(
                table,
                new Live(
                    columns.getOrDefault(table, Map.of()),
                    new ArrayList<>(partition.getOrDefault(table, Map.of()).values()),
                    new ArrayList<>(clustering.getOrDefault(table, Map.of()).values()),
                    t)));
    return out;
  }

  private List<String> views(String keyspace) {
    List<String> out = new ArrayList<>();
    session()
        .execute(
            SimpleStatement.newInstance(
                "SELECT view_name FROM system_schema.views WHERE keyspace_name = ?", keyspace))
        .forEach(r -> out.add(r.getString("view_name")));
    return out;
  }

  private boolean keyspaceExists(String keyspace) {
    return replication(keyspace) != null;
  }

  private boolean tableExists(String keyspace, String table) {
    return one(
            "SELECT table_name FROM system_schema.tables WHERE keyspace_name = ? AND table_name = ?",
            keyspace,
            table)
        != null;
  }

  /** Whether the keyspace holds no table, view, type, function or aggregate. */
  private boolean isEmpty(String keyspace) {
    for (String t : List.of("tables", "views", "types", "functions", "aggregates")) {
      if (one(
              "SELECT keyspace_name FROM system_schema." + t + " WHERE keyspace_name = ? LIMIT 1",
              keyspace)
          != null) {
        return false;
      }
    }
    return true;
  }

  private Row one(String cql, Object... values) {
    return session().execute(SimpleStatement.newInstance(cql, values)).one();
  }

  /** Runs a schema change; the driver returns once every node has it (or after 30 s). */
  private void execute(String cql) {
    session().execute(SimpleStatement.newInstance(cql).setTimeout(DDL_TIMEOUT));
  }

  private static String id(String name) {
    return CqlEscapers.identifier(name);
  }

  private static List<CassandraDdl.Keyspace> keyspaces(Blueprint blueprint) {
    try {
      return CassandraDdl.of(blueprint);
    } catch (ProblemException e) {
      throw new TargetException(
          "the blueprint's Cassandra schema cannot be derived: " + e.getMessage(), e);
    }
  }

  private CqlSession session() {
    if (session == null) {
      session = connection.open();
    }
    return session;
  }
}
