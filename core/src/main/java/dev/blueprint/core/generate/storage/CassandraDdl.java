package dev.blueprint.core.generate.storage;

import dev.blueprint.core.generate.escape.CqlEscapers;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Field;
import dev.blueprint.core.model.FieldType;
import dev.blueprint.core.model.Partition;
import dev.blueprint.core.model.StoreFamily;
import dev.blueprint.core.problem.ProblemException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Cassandra schema of the wide-column datasets: one keyspace per database (replicated with
 * NetworkTopologyStrategy, RF 3), one table per dataset. The partition key is the identity keys in
 * the primary key (a visitor's or device's rows stay together), else the leading primary-key fields
 * before the first timestamp; the rest of the primary key are clustering columns, newest first for
 * times and dates. Retention becomes default_time_to_live.
 */
public final class CassandraDdl {
  /** Replication factor of every keyspace. */
  public static final int REPLICATION_FACTOR = 3;

  /** Cassandra's largest TTL: 20 years in seconds. */
  public static final long MAX_TTL_SECONDS = 630_720_000L;

  private CassandraDdl() {}

  public record Keyspace(
      String name, String database, int replicationFactor, String file, List<Table> tables) {
    public Keyspace {
      tables = List.copyOf(tables);
    }

    /**
     * The statement creating the keyspace, replicated in {@code datacenter}; the script prints it
     * and {@code blueprint storage apply} runs it, so both create the same schema. The script's is
     * idempotent ({@code IF NOT EXISTS}); apply's is not, because apply records what it created as
     * its own to drop on undo, and an object someone else created between its plan and its apply
     * must fail it instead.
     */
    public String createCql(String datacenter, boolean ifNotExists) {
      return "CREATE KEYSPACE "
          + (ifNotExists ? "IF NOT EXISTS " : "")
          + CqlEscapers.identifier(name)
          + "\n  WITH replication = {'class': 'NetworkTopologyStrategy', "
          + CqlEscapers.literal(datacenter)
          + ": "
          + replicationFactor
          + "}\n  AND durable_writes = true";
    }
  }

  public record Table(
      String dataset,
      String name,
      String description,
      List<Column> columns,
      List<String> partitionKey,
      List<Clustering> clustering,
      Long ttlSeconds,
      String ttlNote) {
    public Table {
      columns = List.copyOf(columns);
      partitionKey = List.copyOf(partitionKey);
      clustering = List.copyOf(clustering);
    }

    /** The statement creating the table in {@code keyspace} (see {@link Keyspace#createCql}). */
    public String createCql(String keyspace, boolean ifNotExists) {
      StringBuilder sb =
          new StringBuilder("CREATE TABLE ")
              .append(ifNotExists ? "IF NOT EXISTS " : "")
              .append(id(keyspace))
              .append('.')
              .append(id(name))
              .append(" (\n");
      for (Column c : columns) {
        sb.append("  ").append(id(c.name())).append(' ').append(c.type()).append(",\n");
      }
      sb.append("  PRIMARY KEY ((")
          .append(String.join(", ", partitionKey.stream().map(Table::id).toList()))
          .append(')');
      for (Clustering c : clustering) {
        sb.append(", ").append(id(c.column()));
      }
      sb.append(")\n)");
      List<String> options = new ArrayList<>();
      if (!clustering.isEmpty()) {
        options.add(
            "CLUSTERING ORDER BY ("
                + String.join(
                    ", ", clustering.stream().map(c -> id(c.column()) + " " + c.order()).toList())
                + ")");
      }
      if (ttlSeconds != null) {
        options.add("default_time_to_live = " + ttlSeconds);
      }
      if (description != null && !description.isEmpty()) {
        options.add("comment = " + CqlEscapers.literal(description));
      }
      for (int i = 0; i < options.size(); i++) {
        sb.append(i == 0 ? " WITH " : "\n  AND ").append(options.get(i));
      }
      return sb.toString();
    }

    private static String id(String name) {
      return CqlEscapers.identifier(name);
    }
  }

  public record Column(String name, String type) {}

  public record Clustering(String column, String order) {}

  /** The keyspaces of the blueprint, sorted by name, tables sorted by name. */
  public static List<Keyspace> of(Blueprint b) throws ProblemException {
    Map<String, List<Table>> tables = new TreeMap<>();
    Map<String, String> databases = new TreeMap<>();
    for (Dataset d : StorageLayout.sorted(b.architectureOrEmpty().datasets())) {
      if (d.store() != StoreFamily.WIDE_COLUMN) {
        continue;
      }
      String ks = Stores.keyspace(d, b);
      tables.computeIfAbsent(ks, k -> new ArrayList<>()).add(table(d, b));
      databases.putIfAbsent(ks, d.database() == null ? ks : d.database());
    }
    List<Keyspace> out = new ArrayList<>();
    for (Map.Entry<String, List<Table>> e : tables.entrySet()) {
      List<Table> sorted =
          e.getValue().stream().sorted(java.util.Comparator.comparing(Table::name)).toList();
      out.add(
          new Keyspace(
              e.getKey(),
              databases.get(e.getKey()),
              REPLICATION_FACTOR,
              "storage/ddl/cassandra/" + e.getKey() + ".cql",
              sorted));
    }
    return out;
  }

  static Table table(Dataset d, Blueprint b) throws ProblemException {
    Map<String, Field> byName = new TreeMap<>();
    d.fields().forEach(f -> byName.put(f.name(), f));
    List<String> pk = d.primaryKey().isEmpty() ? d.identityKeys() : d.primaryKey();
    if (pk.isEmpty()) {
      throw StorageProblems.missing(
          b,
          d,
          "primaryKey",
          "a wide-column table needs a primary key to derive its partition key",
          "list the fields that identify a row in primaryKey, partition key first");
    }
    for (String k : pk) {
      if (!byName.containsKey(k)) {
        throw StorageProblems.missing(
            b, d, "primaryKey", "key field '" + k + "' is not one of its fields", null);
      }
    }
    Set<String> grouping = new HashSet<>(d.identityKeys());
    for (Partition p : d.partitioning()) {
      grouping.add(p.field());
    }
    List<String> partition = new ArrayList<>(pk.stream().filter(grouping::contains).toList());
    if (partition.isEmpty()) {
      for (String k : pk) {
        if (!partition.isEmpty() && type(byName.get(k)) == FieldType.TIMESTAMP) {
          break;
        }
        partition.add(k);
      }
    }
    List<Clustering> clustering = new ArrayList<>();
    for (String k : pk) {
      if (!partition.contains(k)) {
        FieldType t = type(byName.get(k));
        boolean time = t == FieldType.TIMESTAMP || t == FieldType.DATE;
        clustering.add(new Clustering(k, time ? "DESC" : "ASC"));
      }
    }
    List<Column> columns = new ArrayList<>();
    for (Field f : d.fields()) {
      columns.add(new Column(f.name(), cqlType(f.type())));
    }
    Long ttl = null;
    String note = null;
    if (d.retention() != null) {
      long seconds = d.retention().getSeconds();
      if (seconds > MAX_TTL_SECONDS) {
        note =
            "retention "
                + dev.blueprint.core.model.Durations.format(d.retention())
                + " exceeds Cassandra's 20-year TTL limit: rows do not expire; delete them by a job";
      } else if (seconds > 0) {
        ttl = seconds;
      }
    }
    return new Table(
        d.name(),
        StorageNames.cassandraName(d.name()),
        d.description(),
        columns,
        partition,
        clustering,
        ttl,
        note);
  }

  private static FieldType type(Field f) {
    return f.type() == null ? FieldType.STRING : f.type();
  }

  /** The CQL type of a logical field type. */
  public static String cqlType(FieldType t) {
    return switch (t == null ? FieldType.STRING : t) {
      case STRING, JSON -> "text";
      case INT -> "int";
      case LONG -> "bigint";
      case DOUBLE -> "double";
      case DECIMAL -> "decimal";
      case BOOLEAN -> "boolean";
      case DATE -> "date";
      case TIMESTAMP -> "timestamp";
      case UUID -> "uuid";
      case BYTES -> "blob";
    };
  }
}
