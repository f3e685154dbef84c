package dev.blueprint.targets.stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprint.core.generate.storage.CassandraDdl;
import dev.blueprint.targets.testing.TestCassandra;
import dev.blueprint.targets.testing.TestTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated Cassandra script (storage/ddl/cassandra/*.cql) of every example and of the
 * synthetic blueprint, applied twice with cqlsh to a real Cassandra node; the schema it created is
 * read back from system_schema and compared with the blueprint.
 */
class CassandraScriptsTest {
  /** cqlsh reports a refused statement as "FILE:LINE:ErrorClass: message". */
  private static final Pattern CQLSH_ERROR =
      Pattern.compile("(?m)^.*:\\d+:\\w*(Error|Exception|Invalid)\\w*");

  static TestCassandra cassandra;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    long t0 = System.nanoTime();
    cassandra = TestCassandra.start();
    System.out.printf("Cassandra started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  @AfterAll
  static void stop() {
    if (cassandra != null) {
      cassandra.close();
    }
  }

  static List<StoreScripts.Case> cases() {
    return StoreScripts.cases().stream().filter(c -> !ofUnchecked(c).isEmpty()).toList();
  }

  private static List<CassandraDdl.Keyspace> ofUnchecked(StoreScripts.Case c) {
    try {
      return CassandraDdl.of(c.blueprint());
    } catch (Exception e) {
      throw new IllegalStateException(c.name(), e);
    }
  }

  @Test
  void theExamplesAndTheSyntheticBlueprintHaveCassandraScripts() {
    // clickstream-analytics, iot-telemetry and the synthetic blueprint: a regression guard so that
    // the parameterised test below cannot silently run on nothing
    assertTrue(cases().size() >= 3, cases().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyKeyspaceScriptAppliesTwiceAndCreatesTheBlueprintsSchema(StoreScripts.Case c)
      throws Exception {
    StoreScripts.generate(c.blueprint(), dir);
    for (CassandraDdl.Keyspace ks : CassandraDdl.of(c.blueprint())) {
      Path script = dir.resolve(ks.file());
      try {
        apply(script);
        Map<String, Object> first = schema(ks.name());
        apply(script);
        Map<String, Object> second = schema(ks.name());
        assertEquals(first, second, script + ": the second run changed the schema");
        assertEquals(expected(ks), first, script + ": schema in Cassandra vs the blueprint");
      } finally {
        cassandra.cqlsh("-e", "DROP KEYSPACE IF EXISTS " + quote(ks.name())).ok();
      }
    }
  }

  @Test
  void aStatementCassandraRefusesFailsTheRunAndNamesTheLine() throws Exception {
    // the check above relies on cqlsh -f failing on a refused statement: prove that it does
    Path bad = dir.resolve("bad.cql");
    Files.writeString(
        bad,
        "CREATE KEYSPACE IF NOT EXISTS \"bad_ks\"\n"
            + "  WITH replication = {'class': 'NetworkTopologyStrategy', 'datacenter1': 1};\n"
            + "CREATE TABLE IF NOT EXISTS \"bad_ks\".\"t\" (\"a\" nosuchtype, PRIMARY KEY"
            + " ((\"a\")));\n");
    try {
      TestTools.Run run = cassandra.cqlsh("-f", bad.toString());
      assertNotEquals(0, run.exitCode(), run.output());
      assertTrue(run.output().contains("bad.cql:"), run.output());
      assertTrue(run.output().contains("Unknown type bad_ks.nosuchtype"), run.output());
      assertTrue(CQLSH_ERROR.matcher(run.output()).find(), run.output());
    } finally {
      cassandra.cqlsh("-e", "DROP KEYSPACE IF EXISTS bad_ks").ok();
    }
  }

  private static void apply(Path script) {
    TestTools.Run run = cassandra.cqlsh("-f", script.toString()).ok();
    assertFalse(CQLSH_ERROR.matcher(run.output()).find(), script + ":\n" + run.output());
  }

  /** What the blueprint says the keyspace holds, in the shape of {@link #schema}. */
  private static Map<String, Object> expected(CassandraDdl.Keyspace ks) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "replication",
        Map.of(
            "class",
            "org.apache.cassandra.locator.NetworkTopologyStrategy",
            "datacenter1",
            Integer.toString(ks.replicationFactor())));
    out.put("durable_writes", true);
    Map<String, Object> tables = new TreeMap<>();
    for (CassandraDdl.Table t : ks.tables()) {
      Map<String, Object> table = new LinkedHashMap<>();
      table.put("default_time_to_live", t.ttlSeconds() == null ? 0L : t.ttlSeconds());
      table.put("comment", t.description() == null ? "" : t.description());
      Map<String, String> columns = new TreeMap<>();
      t.columns().forEach(col -> columns.put(col.name(), col.type()));
      table.put("columns", columns);
      table.put("partition_key", t.partitionKey());
      List<String> clustering = new ArrayList<>();
      t.clustering().forEach(cl -> clustering.add(cl.column() + " " + cl.order().toLowerCase()));
      table.put("clustering", clustering);
      table.put("indexes", new TreeSet<String>());
      tables.put(t.name(), table);
    }
    out.put("tables", tables);
    return out;
  }

  /** The keyspace as Cassandra holds it, read from system_schema. */
  private static Map<String, Object> schema(String keyspace) {
    String k = "'" + keyspace.replace("'", "''") + "'";
    Map<String, Object> out = new LinkedHashMap<>();
    List<List<JsonNode>> rows =
        cassandra.rows(
            "SELECT replication, durable_writes FROM system_schema.keyspaces WHERE keyspace_name = "
                + k,
            "SELECT table_name, default_time_to_live, comment FROM system_schema.tables"
                + " WHERE keyspace_name = "
                + k,
            "SELECT table_name, column_name, kind, position, clustering_order, type"
                + " FROM system_schema.columns WHERE keyspace_name = "
                + k,
            "SELECT table_name, index_name FROM system_schema.indexes WHERE keyspace_name = " + k);
    List<JsonNode> ks = rows.get(0);
    assertEquals(1, ks.size(), "keyspace " + keyspace + " exists once: " + ks);
    Map<String, String> replication = new TreeMap<>();
    ks.get(0)
        .get("replication")
        .properties()
        .forEach(e -> replication.put(e.getKey(), e.getValue().asText()));
    out.put("replication", replication);
    out.put("durable_writes", ks.get(0).get("durable_writes").asBoolean());
    Map<String, Object> tables = new TreeMap<>();
    for (JsonNode t : rows.get(1)) {
      Map<String, Object> table = new LinkedHashMap<>();
      table.put("default_time_to_live", t.get("default_time_to_live").asLong());
      table.put("comment", t.get("comment").asText());
      table.put("columns", new TreeMap<String, String>());
      table.put("partition_key", new ArrayList<String>());
      table.put("clustering", new ArrayList<String>());
      table.put("indexes", new TreeSet<String>());
      tables.put(t.get("table_name").asText(), table);
    }
    Map<String, Map<Integer, String>> partition = new TreeMap<>();
    Map<String, Map<Integer, String>> clustering = new TreeMap<>();
    for (JsonNode c : rows.get(2)) {
      String table = c.get("table_name").asText();
      String column = c.get("column_name").asText();
      @SuppressWarnings("unchecked")
      Map<String, Object> t = (Map<String, Object>) tables.get(table);
      @SuppressWarnings("unchecked")
      Map<String, String> columns = (Map<String, String>) t.get("columns");
      columns.put(column, c.get("type").asText());
      int position = c.get("position").asInt();
      switch (c.get("kind").asText()) {
        case "partition_key" ->
            partition.computeIfAbsent(table, x -> new TreeMap<>()).put(position, column);
        case "clustering" ->
            clustering
                .computeIfAbsent(table, x -> new TreeMap<>())
                .put(position, column + " " + c.get("clustering_order").asText());
        default -> {}
      }
    }
    partition.forEach(
        (table, cols) ->
            asMap(tables.get(table)).put("partition_key", new ArrayList<>(cols.values())));
    clustering.forEach(
        (table, cols) ->
            asMap(tables.get(table)).put("clustering", new ArrayList<>(cols.values())));
    for (JsonNode i : rows.get(3)) {
      @SuppressWarnings("unchecked")
      TreeSet<String> indexes =
          (TreeSet<String>) asMap(tables.get(i.get("table_name").asText())).get("indexes");
      indexes.add(i.get("index_name").asText());
    }
    out.put("tables", tables);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
