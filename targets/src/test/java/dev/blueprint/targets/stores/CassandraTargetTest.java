package dev.blueprint.targets.stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprint.core.generate.storage.CassandraDdl;
import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Engagement;
import dev.blueprint.core.model.Field;
import dev.blueprint.core.model.FieldType;
import dev.blueprint.core.model.StoreFamily;
import dev.blueprint.core.model.Zone;
import dev.blueprint.targets.TargetException;
import dev.blueprint.targets.testing.TestCassandra;
import dev.blueprint.targets.testing.TestTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CassandraTarget} against one real Cassandra node: plan, apply, refusal, undo on a failure
 * the server raises, compensation, and agreement with the generated scripts applied with cqlsh.
 * Every test uses keyspaces of its own.
 */
class CassandraTargetTest {
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

  private static CassandraTarget target() {
    return new CassandraTarget(new CassandraConnection("127.0.0.1:" + cassandra.port()));
  }

  @Test
  void onAnEmptyNodeApplyCreatesEveryKeyspaceAndTableAndASecondApplyCreatesNothing() {
    Blueprint b =
        blueprint(
            events("events", "ct_fresh_a", Duration.ofDays(30)),
            profiles("profiles", "ct_fresh_a"),
            profiles("people", "ct_fresh_b"));
    try (CassandraTarget t = target()) {
      assertTrue(t.hasObjects(b));
      StorePlan plan = t.plan(b);
      System.out.print(plan.text());
      List<StoreObject> expected =
          List.of(
              new StoreObject("cassandra", "KEYSPACE", null, "ct_fresh_a"),
              new StoreObject("cassandra", "TABLE", "ct_fresh_a", "events"),
              new StoreObject("cassandra", "TABLE", "ct_fresh_a", "profiles"),
              new StoreObject("cassandra", "KEYSPACE", null, "ct_fresh_b"),
              new StoreObject("cassandra", "TABLE", "ct_fresh_b", "people"));
      assertEquals(expected, plan.creates(), plan.text());
      assertEquals(expected.size(), plan.items().size(), plan.text());
      // one node, replication factor 3: the reviewer is told
      assertTrue(
          plan.notes().stream().anyMatch(n -> n.contains("fewer than the replication factor 3")),
          plan.text());

      StoreApplyResult first = t.apply(b);
      assertEquals(expected, first.created());
      assertEquals(0, first.existing());

      // read back independently, with the Python driver
      TreeSet<String> schema = schema(false, "ct_fresh_a", "ct_fresh_b");
      assertTrue(
          schema.contains(
              "ct_fresh_a replication {'class': 'org.apache.cassandra.locator.NetworkTopologyStrategy',"
                  + " 'datacenter1': '3'}"),
          schema.toString());
      assertTrue(schema.contains("ct_fresh_a.events ttl=2592000 comment=" + SyntheticStores.NASTY));
      assertTrue(
          schema.contains("ct_fresh_a.events.owner_id text partition_key 0 none"),
          schema.toString());
      assertTrue(
          schema.contains("ct_fresh_a.events.created_at timestamp clustering 0 desc"),
          schema.toString());
      assertTrue(
          schema.contains("ct_fresh_a.events.id bigint clustering 1 asc"), schema.toString());
      assertTrue(
          schema.contains("ct_fresh_a.events.amount decimal regular -1 none"), schema.toString());
      assertTrue(
          schema.contains("ct_fresh_b.people.id bigint partition_key 0 none"), schema.toString());

      StorePlan after = t.plan(b);
      assertFalse(after.hasChanges(), after.text());
      assertTrue(after.text().contains("No changes"), after.text());

      StoreApplyResult second = t.apply(b);
      assertEquals(List.of(), second.created());
      assertEquals(expected.size(), second.existing());
      assertEquals(schema, schema(false, "ct_fresh_a", "ct_fresh_b"));
    } finally {
      dropKeyspaces("ct_fresh_a", "ct_fresh_b");
    }
  }

  @Test
  void theGeneratedScriptsAndApplyAreTheSameSchema() throws Exception {
    List<StoreScripts.Case> cases =
        StoreScripts.cases().stream().filter(c -> !keyspaces(c.blueprint()).isEmpty()).toList();
    // clickstream-analytics, iot-telemetry and the synthetic blueprint
    assertTrue(cases.size() >= 3, cases.toString());
    for (StoreScripts.Case c : cases) {
      Path out = dir.resolve(c.name().replace(' ', '_'));
      StoreScripts.generate(c.blueprint(), out);
      List<CassandraDdl.Keyspace> keyspaces = keyspaces(c.blueprint());
      String[] names = keyspaces.stream().map(CassandraDdl.Keyspace::name).toArray(String[]::new);
      try (CassandraTarget t = target()) {
        // the script first: the target finds every object as the blueprint defines it
        cqlshScripts(out, keyspaces);
        StorePlan plan = t.plan(c.blueprint());
        assertFalse(plan.hasChanges(), c + ": after the script\n" + plan.text());
        assertEquals(List.of(), t.apply(c.blueprint()).created(), c.name());
        TreeSet<String> byScript = schema(false, names);

        // apply first, on fresh keyspaces: the same schema as the script's, which then adds nothing
        dropKeyspaces(names);
        assertTrue(t.plan(c.blueprint()).existing().isEmpty(), c.name());
        assertFalse(t.apply(c.blueprint()).created().isEmpty(), c.name());
        assertEquals(byScript, schema(false, names), c + ": apply vs the script");
        TreeSet<String> applied = schema(true, names);
        cqlshScripts(out, keyspaces);
        assertEquals(applied, schema(true, names), c + ": the script after apply changed it");
      } finally {
        dropKeyspaces(names);
      }
    }
  }

  @Test
  void aTableDefinedDifferentlyIsShownAndApplyRefusesBeforeCreatingAnything() {
    cassandra
        .cqlsh(
            "-e",
            "CREATE KEYSPACE ct_differs WITH replication = {'class': 'SimpleStrategy',"
                + " 'replication_factor': 1};"
                + " CREATE TABLE ct_differs.events (owner_id text, created_at timestamp, id bigint,"
                + " amount int, extra text, PRIMARY KEY ((owner_id, created_at), id));")
        .ok();
    Blueprint b =
        blueprint(
            events("events", "ct_differs", null),
            profiles("profiles", "ct_differs"),
            profiles("people", "ct_differs_new"));
    try (CassandraTarget t = target()) {
      StorePlan plan = t.plan(b);
      System.out.print(plan.text());
      StoreObject events = new StoreObject("cassandra", "TABLE", "ct_differs", "events");
      assertEquals(1, plan.conflicts().size(), plan.text());
      StorePlan.Item conflict = plan.conflicts().get(0);
      assertEquals(events, conflict.object());
      String detail = conflict.detail();
      assertTrue(detail.contains("column amount is int, the blueprint wants decimal"), detail);
      assertTrue(detail.contains("column extra (text) is not in the blueprint"), detail);
      assertTrue(detail.contains("column score is missing, the blueprint wants double"), detail);
      assertTrue(
          detail.contains(
              "partition key is (owner_id, created_at), the blueprint wants (owner_id)"),
          detail);
      assertTrue(
          detail.contains("clustering is (id ASC), the blueprint wants (created_at DESC, id ASC)"),
          detail);
      assertEquals(
          List.of(new StoreObject("cassandra", "KEYSPACE", null, "ct_differs")), plan.existing());
      // the keyspace's replication is the operator's: a note, not a difference
      assertTrue(
          plan.notes().stream()
              .anyMatch(n -> n.contains("keyspace ct_differs exists with replication")),
          plan.text());
      assertTrue(plan.text().contains("! differs table ct_differs.events: column amount"));

      TreeSet<String> before = schema(true, "ct_differs", "ct_differs_new");
      TargetException e = assertThrows(TargetException.class, () -> t.apply(b));
      assertTrue(
          e.getMessage().contains("table ct_differs.events: column amount is int"), e.getMessage());
      assertTrue(e.getMessage().contains("changed nothing"), e.getMessage());
      // neither the missing table nor the missing keyspace was created
      assertEquals(before, schema(true, "ct_differs", "ct_differs_new"));
      assertFalse(
          before.stream().anyMatch(s -> s.startsWith("ct_differs.profiles")), before.toString());
      assertFalse(before.stream().anyMatch(s -> s.startsWith("ct_differs_new")), before.toString());
    } finally {
      dropKeyspaces("ct_differs", "ct_differs_new");
    }
  }

  @Test
  void aStatementTheServerRefusesMidwayLeavesNothingOfThisRunBehind() {
    // someone else's keyspace and table, which the run adds a table to
    cassandra
        .cqlsh(
            "-e",
            "CREATE KEYSPACE ct_midway_a WITH replication = {'class': 'NetworkTopologyStrategy',"
                + " 'datacenter1': 3}; CREATE TABLE ct_midway_a.theirs (k text PRIMARY KEY);")
        .ok();
    // a column declared twice: the plan cannot know, the server refuses the last CREATE TABLE
    List<Field> twice = new ArrayList<>(fields());
    twice.add(new Field("amount", FieldType.DECIMAL, true, null));
    Blueprint b =
        blueprint(
            profiles("profiles", "ct_midway_a"),
            profiles("people", "ct_midway_b"),
            dataset("zz_refused", "ct_midway_b", twice, List.of("id"), List.of(), null));
    try (CassandraTarget t = target()) {
      StorePlan plan = t.plan(b);
      assertEquals(4, plan.creates().size(), plan.text());
      TreeSet<String> before = schema(true, "ct_midway_a", "ct_midway_b");

      TargetException e = assertThrows(TargetException.class, () -> t.apply(b));
      String m = e.getMessage();
      System.out.println(m);
      assertTrue(
          m.startsWith("creating table ct_midway_b.zz_refused in Cassandra at 127.0.0.1:"), m);
      assertTrue(m.contains("amount"), "the server's reason: " + m);
      assertTrue(
          m.contains(
              "what this run created was dropped (table ct_midway_a.profiles, keyspace"
                  + " ct_midway_b, table ct_midway_b.people)"),
          m);
      // their keyspace and table as they were; nothing of the run's
      assertEquals(before, schema(true, "ct_midway_a", "ct_midway_b"));
      assertTrue(
          before.contains("ct_midway_a.theirs.k text partition_key 0 none"), before.toString());
      assertFalse(before.stream().anyMatch(s -> s.startsWith("ct_midway_b")), before.toString());
    } finally {
      dropKeyspaces("ct_midway_a", "ct_midway_b");
    }
  }

  @Test
  void dropCreatedDropsOnlyTheRecordedObjectsAndKeepsAKeyspaceThatHoldsAForeignTable() {
    Blueprint b =
        blueprint(
            events("events", "ct_drop", Duration.ofDays(1)),
            profiles("profiles", "ct_drop"),
            profiles("people", "ct_drop_alone"));
    cassandra
        .cqlsh(
            "-e",
            "CREATE KEYSPACE ct_drop_other WITH replication = {'class': 'SimpleStrategy',"
                + " 'replication_factor': 1};")
        .ok();
    try (CassandraTarget t = target()) {
      List<StoreObject> created = new ArrayList<>(t.apply(b).created());
      assertEquals(5, created.size(), created.toString());
      cassandra.cqlsh("-e", "CREATE TABLE ct_drop.theirs (k text PRIMARY KEY);").ok();
      // objects of another store, and of a keyspace this run did not create, are not for it
      List<StoreObject> given = new ArrayList<>(created);
      given.add(0, new StoreObject("neo4j", "DATABASE", null, "ct_drop_other"));
      given.add(0, new StoreObject("mongodb", "KEYSPACE", null, "ct_drop_other"));

      List<StoreObject> dropped = t.dropCreated(given);
      assertEquals(
          List.of(
              new StoreObject("cassandra", "TABLE", "ct_drop_alone", "people"),
              new StoreObject("cassandra", "KEYSPACE", null, "ct_drop_alone"),
              new StoreObject("cassandra", "TABLE", "ct_drop", "profiles"),
              new StoreObject("cassandra", "TABLE", "ct_drop", "events")),
          dropped);
      TreeSet<String> left = schema(false, "ct_drop", "ct_drop_alone", "ct_drop_other");
      assertEquals(
          new TreeSet<>(
              List.of(
                  "ct_drop replication {'class': 'org.apache.cassandra.locator.NetworkTopologyStrategy',"
                      + " 'datacenter1': '3'}",
                  "ct_drop.theirs ttl=0 comment=",
                  "ct_drop.theirs.k text partition_key 0 none",
                  "ct_drop_other replication {'class': 'org.apache.cassandra.locator.SimpleStrategy',"
                      + " 'replication_factor': '1'}")),
          left);

      assertEquals(List.of(), t.dropCreated(given), "a second dropCreated drops nothing");
      assertEquals(left, schema(false, "ct_drop", "ct_drop_alone", "ct_drop_other"));

      // once their table is gone, the recorded keyspace goes too
      cassandra.cqlsh("-e", "DROP TABLE ct_drop.theirs;").ok();
      assertEquals(
          List.of(new StoreObject("cassandra", "KEYSPACE", null, "ct_drop")), t.dropCreated(given));
    } finally {
      dropKeyspaces("ct_drop", "ct_drop_alone", "ct_drop_other");
    }
  }

  @Test
  void anUnreachableAddressIsOneErrorNamingIt() {
    int port = TestTools.freePort();
    Blueprint b = blueprint(profiles("people", "ct_unreachable"));
    long t0 = System.nanoTime();
    try (CassandraTarget t =
        new CassandraTarget(new CassandraConnection("127.0.0.1:" + port, null, "u", "secret"))) {
      assertEquals("127.0.0.1:" + port + " (data centre datacenter1)", t.where());
      TargetException e = assertThrows(TargetException.class, () -> t.plan(b));
      System.out.printf(
          "unreachable: %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, e.getMessage());
      assertTrue(
          e.getMessage().startsWith("cannot connect to Cassandra at 127.0.0.1:" + port),
          e.getMessage());
      assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
  }

  @Test
  void aDataCentreWithoutNodesIsOneErrorNamingTheNodesDataCentres() {
    Blueprint b = blueprint(profiles("people", "ct_no_dc"));
    try (CassandraTarget t =
        new CassandraTarget(
            new CassandraConnection("127.0.0.1:" + cassandra.port(), "dc_east", null, null))) {
      TargetException e = assertThrows(TargetException.class, () -> t.apply(b));
      assertTrue(e.getMessage().contains("has no node in data centre dc_east"), e.getMessage());
      assertTrue(e.getMessage().contains("its nodes are in datacenter1"), e.getMessage());
    }
    assertTrue(schema(false, "ct_no_dc").isEmpty());
  }

  @Test
  void aBadContactPointIsRefusedByName() {
    for (String bad :
        List.of(
            "localhost",
            "localhost:0",
            "localhost:99999",
            "host:port",
            ":9042",
            "a:9042,,b:9042",
            "::1:9042",
            "")) {
      TargetException e =
          assertThrows(TargetException.class, () -> new CassandraConnection(bad), bad);
      assertTrue(e.getMessage().contains("contact point"), bad + ": " + e.getMessage());
    }
    assertEquals(
        "a:9042,[::1]:9043 (data centre dc2)",
        new CassandraConnection(" a:9042, [::1]:9043", "dc2", null, null).where());
  }

  // --- the blueprints -------------------------------------------------------------------------

  /** Partition key owner_id, clustering created_at DESC, id ASC. */
  private static Dataset events(String name, String keyspace, Duration retention) {
    return dataset(
        name,
        keyspace,
        fields(),
        List.of("owner_id", "created_at", "id"),
        List.of("owner_id"),
        retention);
  }

  /** Partition key id, no clustering. */
  private static Dataset profiles(String name, String keyspace) {
    return dataset(name, keyspace, fields(), List.of("id"), List.of(), null);
  }

  private static List<Field> fields() {
    return List.of(
        new Field("id", FieldType.LONG, false, null),
        new Field("owner_id", FieldType.STRING, false, null),
        new Field("created_at", FieldType.TIMESTAMP, false, null),
        new Field("amount", FieldType.DECIMAL, true, null),
        new Field("score", FieldType.DOUBLE, true, null));
  }

  private static Dataset dataset(
      String name,
      String keyspace,
      List<Field> fields,
      List<String> primaryKey,
      List<String> identityKeys,
      Duration retention) {
    return new Dataset(
        name,
        SyntheticStores.NASTY,
        "team",
        "domain",
        Zone.SERVING,
        StoreFamily.WIDE_COLUMN,
        null,
        keyspace,
        3,
        fields,
        primaryKey,
        identityKeys,
        List.of(),
        retention,
        List.of(),
        null);
  }

  private static Blueprint blueprint(Dataset... datasets) {
    return new Blueprint(
        1,
        new Engagement("cassandra-target", "t", null, null, List.of(), null, "p", "o"),
        null,
        List.of(),
        List.of(),
        new Architecture(List.of(datasets), List.of(), List.of(), List.of(), List.of()));
  }

  private static List<CassandraDdl.Keyspace> keyspaces(Blueprint b) {
    try {
      return CassandraDdl.of(b);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // --- the node, read and changed independently of the target ---------------------------------

  private static void cqlshScripts(Path out, List<CassandraDdl.Keyspace> keyspaces) {
    for (CassandraDdl.Keyspace ks : keyspaces) {
      TestTools.Run run = cassandra.cqlsh("-f", out.resolve(ks.file()).toString()).ok();
      assertFalse(run.output().contains("Error"), ks.file() + ":\n" + run.output());
    }
  }

  private static void dropKeyspaces(String... keyspaces) {
    String cql =
        java.util.Arrays.stream(keyspaces)
            .map(k -> "DROP KEYSPACE IF EXISTS \"" + k + "\";")
            .collect(Collectors.joining(" "));
    cassandra.cqlsh("-e", cql).ok();
  }

  /**
   * The keyspaces as system_schema has them, one line per keyspace, table and column, read with the
   * Python driver; with {@code ids}, each table's id too (a table dropped and created again has a
   * new one).
   */
  private static TreeSet<String> schema(boolean ids, String... keyspaces) {
    String in =
        java.util.Arrays.stream(keyspaces)
            .map(k -> "'" + k + "'")
            .collect(Collectors.joining(", ", "(", ")"));
    List<List<JsonNode>> rows =
        cassandra.rows(
            "SELECT keyspace_name, replication FROM system_schema.keyspaces WHERE keyspace_name IN "
                + in,
            "SELECT keyspace_name, table_name, id, default_time_to_live, comment"
                + " FROM system_schema.tables WHERE keyspace_name IN "
                + in,
            "SELECT keyspace_name, table_name, column_name, type, kind, position, clustering_order"
                + " FROM system_schema.columns WHERE keyspace_name IN "
                + in);
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode k : rows.get(0)) {
      TreeSet<String> replication = new TreeSet<>();
      k.get("replication")
          .properties()
          .forEach(e -> replication.add("'" + e.getKey() + "': '" + e.getValue().asText() + "'"));
      out.add(
          k.get("keyspace_name").asText()
              + " replication {"
              + String.join(", ", replication)
              + "}");
    }
    for (JsonNode t : rows.get(1)) {
      out.add(
          t.get("keyspace_name").asText()
              + "."
              + t.get("table_name").asText()
              + " ttl="
              + t.get("default_time_to_live").asText()
              + " comment="
              + t.get("comment").asText()
              + (ids ? " id=" + t.get("id").asText() : ""));
    }
    for (JsonNode c : rows.get(2)) {
      out.add(
          c.get("keyspace_name").asText()
              + "."
              + c.get("table_name").asText()
              + "."
              + c.get("column_name").asText()
              + " "
              + c.get("type").asText()
              + " "
              + c.get("kind").asText()
              + " "
              + c.get("position").asText()
              + " "
              + c.get("clustering_order").asText());
    }
    return out;
  }
}
