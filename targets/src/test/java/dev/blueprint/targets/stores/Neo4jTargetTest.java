package dev.blueprint.targets.stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.generate.storage.Neo4jDdl;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.targets.TargetException;
import dev.blueprint.targets.testing.TestNeo4j;
import dev.blueprint.targets.testing.TestTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * {@link Neo4jTarget} against a real Neo4j 5.26 server (one for the class, ~10-30 s to start), with
 * the synthetic blueprint's graph database: two labels, one with a composite key. What the target
 * did is read back with cypher-shell, another client than the target's driver.
 */
class Neo4jTargetTest {
  static final Blueprint BLUEPRINT = SyntheticStores.blueprint();
  static Neo4jDdl.Database db;
  static TestNeo4j neo4j;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    List<Neo4jDdl.Database> dbs = Neo4jDdl.of(BLUEPRINT);
    assertEquals(1, dbs.size(), "the synthetic blueprint has one graph database");
    db = dbs.get(0);
    assertTrue(db.nodes().size() >= 2, "two labels at least: " + db.nodes());
    neo4j = TestNeo4j.start(db.name());
  }

  @AfterAll
  static void stop() {
    if (neo4j != null) {
      neo4j.close();
    }
  }

  /** Nodes, constraints and indexes of the last test go, through the driver (quicker). */
  @BeforeEach
  void emptyDatabase() {
    try (Driver d = new Neo4jConnection(neo4j.uri(), null, null).open();
        Session s = d.session(SessionConfig.forDatabase(db.name()))) {
      s.run("MATCH (n) DETACH DELETE n").consume();
      for (String kind : List.of("CONSTRAINT", "INDEX")) {
        for (Record r :
            s.run(
                    "SHOW "
                        + (kind.equals("INDEX") ? "INDEXES" : "CONSTRAINTS")
                        + " YIELD name, type")
                .list()) {
          if (!r.get("type").asString().equals("LOOKUP")) {
            s.run("DROP " + kind + " `" + r.get("name").asString() + "` IF EXISTS").consume();
          }
        }
      }
    }
    assertEquals(List.of(), schemaNames());
  }

  private static Neo4jTarget target() {
    return new Neo4jTarget(new Neo4jConnection(neo4j.uri(), null, null));
  }

  @Test
  void planThenApplyCreatesEveryConstraintAndIndexOnceAndASecondApplyNothing() {
    try (Neo4jTarget t = target()) {
      StorePlan plan = t.plan(BLUEPRINT);
      assertEquals(expectedNames(), names(plan.creates()), plan.text());
      assertTrue(plan.existing().isEmpty() && plan.conflicts().isEmpty(), plan.text());
      assertTrue(
          plan.text()
              .contains(
                  "  + create constraint "
                      + db.name()
                      + "."
                      + db.nodes().get(0).keyConstraint()
                      + "\n"),
          plan.text());
      assertEquals(List.of(), schemaNames(), "plan only reads");

      StoreApplyResult first = t.apply(BLUEPRINT);
      assertEquals(plan.creates(), first.created());
      assertEquals(expectedNames(), schemaNames(), "what cypher-shell sees");

      StorePlan after = t.plan(BLUEPRINT);
      assertFalse(after.hasChanges(), after.text());
      assertTrue(after.text().contains("No changes"), after.text());
      StoreApplyResult second = t.apply(BLUEPRINT);
      assertEquals(List.of(), second.created());
      assertEquals(expectedNames().size(), second.existing());
    }
  }

  @Test
  void theGeneratedScriptAndApplyCreateTheSameSchema() throws Exception {
    StoreScripts.generate(BLUEPRINT, dir);
    Path script = dir.resolve(db.file());
    try (Neo4jTarget t = target()) {
      neo4j.cypherShell("-f", script.toString()).ok();
      StorePlan plan = t.plan(BLUEPRINT);
      assertFalse(plan.hasChanges(), "after the script:\n" + plan.text());

      List<StoreObject> all = plan.existing();
      assertEquals(new TreeSet<>(names(all)), new TreeSet<>(names(t.dropCreated(all))));
      assertEquals(List.of(), schemaNames());
      t.apply(BLUEPRINT);
      List<String> before = schema();
      neo4j.cypherShell("-f", script.toString()).ok();
      assertEquals(before, schema(), "the script changed what apply created");
    }
  }

  @Test
  void anObjectOfTheSameNameOrDefinitionIsAConflictThatApplyRefusesBeforeChangingAnything() {
    Neo4jDdl.Node first = db.nodes().get(0);
    Neo4jDdl.Node second = db.nodes().get(1);
    Neo4jDdl.Index index =
        second.indexes().stream().filter(Neo4jDdl.Index::create).findFirst().get();
    // the key constraint's name on another property, and the index under a name of its own
    neo4j
        .cypherShell(
            "CREATE CONSTRAINT `"
                + first.keyConstraint()
                + "` FOR (n:`"
                + first.label()
                + "`) REQUIRE n.`elsewhere` IS UNIQUE;"
                + " CREATE INDEX `theirs` FOR (n:`"
                + second.label()
                + "`) ON (n.`"
                + index.property()
                + "`);")
        .ok();
    List<String> foreign = schemaNames();
    try (Neo4jTarget t = target()) {
      StorePlan plan = t.plan(BLUEPRINT);
      assertEquals(2, plan.conflicts().size(), plan.text());
      assertTrue(plan.text().contains("  ! differs constraint " + db.name() + "."), plan.text());
      assertTrue(
          plan.text().contains("uniqueness constraint on " + first.label() + "(elsewhere)"),
          plan.text());
      assertTrue(plan.text().contains("exists as `theirs`"), plan.text());

      TargetException e = assertThrows(TargetException.class, () -> t.apply(BLUEPRINT));
      assertTrue(e.getMessage().contains("nothing was applied"), e.getMessage());
      assertTrue(e.getMessage().contains(index.name()), e.getMessage());
      assertEquals(foreign, schemaNames(), "apply changed the database");
    }
  }

  @Test
  void aStatementThatFailsLateRollsBackTheWholeDatabase() {
    // the second label's key cannot be unique: two nodes share it; the first label's constraint
    // ran before it in the same transaction
    Neo4jDdl.Node second = db.nodes().get(1);
    String key = second.key().get(0);
    neo4j
        .cypherShell(
            "CREATE (:`"
                + second.label()
                + "` {`"
                + key
                + "`: 'same'}), (:`"
                + second.label()
                + "` {`"
                + key
                + "`: 'same'});")
        .ok();
    try (Neo4jTarget t = target()) {
      TargetException e = assertThrows(TargetException.class, () -> t.apply(BLUEPRINT));
      assertTrue(
          e.getMessage().contains("at constraint " + db.name() + "." + second.keyConstraint()),
          e.getMessage());
      assertTrue(e.getMessage().contains("rolled back, nothing was applied"), e.getMessage());
      assertEquals(List.of(), schemaNames(), "the first label's constraint was left behind");
    }
  }

  @Test
  void theUndoDropsOnlyWhatTheApplyCreated() {
    Neo4jDdl.Node first = db.nodes().get(0);
    neo4j.cypherShell("CREATE INDEX `theirs` FOR (n:`" + first.label() + "`) ON (n.`other`);").ok();
    try (Neo4jTarget t = target()) {
      List<StoreObject> created = t.apply(BLUEPRINT).created();
      // someone else's object in the list is not ours to drop: only the list counts, but a name
      // that is gone is skipped, and other stores' objects are ignored
      List<StoreObject> list = new ArrayList<>(created);
      list.add(new StoreObject("cassandra", "TABLE", "ks", "theirs"));
      list.add(new StoreObject(Neo4jTarget.STORE, "INDEX", db.name(), "gone_already"));
      List<StoreObject> dropped = t.dropCreated(list);
      assertEquals(new TreeSet<>(names(created)), new TreeSet<>(names(dropped)));
      assertEquals(List.of("theirs"), schemaNames());
      assertEquals(List.of(), t.dropCreated(list), "a second undo drops nothing");
    }
  }

  @Test
  void aDatabaseTheServerDoesNotHaveIsNamedWithWhatToDo() throws Exception {
    Blueprint other = SyntheticStores.blueprint();
    try (Neo4jTarget t = new Neo4jTarget(new Neo4jConnection(neo4j.uri(), null, null))) {
      List<StoreObject> list = List.of(new StoreObject(Neo4jTarget.STORE, "INDEX", "nodb", "x"));
      assertEquals(List.of(), t.dropCreated(list), "nothing to drop where there is no database");
      assertTrue(t.hasObjects(other));
    }
    StoreObject missing = new StoreObject(Neo4jTarget.STORE, "INDEX", "nodb", "x");
    assertEquals("index nodb.x", missing.label());
  }

  @Test
  void anUnreachableServerIsOneClearErrorWithinSeconds() {
    String uri = "neo4j://127.0.0.1:" + TestTools.freePort();
    try (Neo4jTarget t = new Neo4jTarget(new Neo4jConnection(uri, null, null))) {
      TargetException e = assertThrows(TargetException.class, () -> t.plan(BLUEPRINT));
      assertTrue(e.getMessage().startsWith("cannot connect to Neo4j at " + uri), e.getMessage());
    }
    TargetException bad =
        assertThrows(TargetException.class, () -> new Neo4jConnection("http://x:7474", null, null));
    assertTrue(bad.getMessage().contains("neo4j://HOST:PORT"), bad.getMessage());
    TargetException creds =
        assertThrows(
            TargetException.class,
            () -> new Neo4jConnection("neo4j://u:secret@x:7687", null, null));
    assertFalse(creds.getMessage().contains("secret"), creds.getMessage());
  }

  private static List<String> expectedNames() {
    List<String> out = new ArrayList<>();
    for (Neo4jDdl.Node n : db.nodes()) {
      out.add(n.keyConstraint());
      n.indexes().stream().filter(Neo4jDdl.Index::create).forEach(i -> out.add(i.name()));
    }
    return out.stream().sorted().toList();
  }

  private static List<String> names(List<StoreObject> objects) {
    return objects.stream().map(StoreObject::name).sorted().toList();
  }

  /** Names of the constraints and of the indexes no constraint owns, via cypher-shell. */
  private static List<String> schemaNames() {
    return schema().stream().map(r -> r.substring(0, r.indexOf(','))).sorted().toList();
  }

  /**
   * One line per constraint and per index that no constraint owns: name, type, labels, properties,
   * as cypher-shell's plain format prints them (a header line, then the rows; nothing when there
   * are none).
   */
  private static List<String> schema() {
    List<String> out = new ArrayList<>();
    for (String q :
        List.of(
            "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties"
                + " RETURN name, type, labelsOrTypes, properties ORDER BY name;",
            "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, owningConstraint"
                + " WHERE type <> 'LOOKUP' AND owningConstraint IS NULL"
                + " RETURN name, type, labelsOrTypes, properties ORDER BY name;")) {
      List<String> lines =
          neo4j
              .cypherShell("--format", "plain", q)
              .ok()
              .output()
              .lines()
              .filter(l -> !l.isBlank())
              .toList();
      if (!lines.isEmpty()) {
        assertTrue(lines.get(0).startsWith("name, type"), "a header first: " + lines);
        out.addAll(lines.subList(1, lines.size()));
      }
    }
    return out.stream().map(l -> l.replace("\"", "")).toList();
  }
}
