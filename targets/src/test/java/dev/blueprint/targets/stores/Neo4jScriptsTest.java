package dev.blueprint.targets.stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprint.core.generate.storage.Neo4jDdl;
import dev.blueprint.targets.testing.TestNeo4j;
import dev.blueprint.targets.testing.TestTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated Neo4j script (storage/ddl/neo4j/*.cypher) of every example and of the synthetic
 * blueprint, applied twice with cypher-shell to a real Neo4j server whose database is the one the
 * script names; the constraints and indexes it created are read back with SHOW CONSTRAINTS / SHOW
 * INDEXES and compared with the blueprint. Neo4j Community serves one user database, so a server is
 * started per database (two in all, 10-30 s each depending on the machine's load).
 */
class Neo4jScriptsTest {
  @TempDir Path dir;

  static List<StoreScripts.Case> cases() {
    return StoreScripts.cases().stream().filter(c -> !databases(c).isEmpty()).toList();
  }

  private static List<Neo4jDdl.Database> databases(StoreScripts.Case c) {
    try {
      return Neo4jDdl.of(c.blueprint());
    } catch (Exception e) {
      throw new IllegalStateException(c.name(), e);
    }
  }

  @Test
  void theExamplesAndTheSyntheticBlueprintHaveNeo4jScripts() {
    // fraud-detection and the synthetic blueprint: the parameterised test cannot run on nothing
    assertTrue(cases().size() >= 2, cases().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyDatabaseScriptAppliesTwiceAndCreatesTheBlueprintsConstraintsAndIndexes(
      StoreScripts.Case c) throws Exception {
    StoreScripts.generate(c.blueprint(), dir);
    for (Neo4jDdl.Database db : databases(c)) {
      Path script = dir.resolve(db.file());
      long t0 = System.nanoTime();
      try (TestNeo4j neo4j = TestNeo4j.start(db.name())) {
        System.out.printf("Neo4j started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        neo4j.cypherShell("-f", script.toString()).ok();
        Map<String, String> first = schema(neo4j);
        neo4j.cypherShell("-f", script.toString()).ok();
        assertEquals(first, schema(neo4j), script + ": the second run changed the schema");
        assertEquals(expected(db), first, script + ": schema in Neo4j vs the blueprint");
        aRefusedStatementFailsTheRun(neo4j);
      }
    }
  }

  /**
   * The check above relies on cypher-shell -f failing on a refused statement: shown here on the
   * same server (a server start costs ~10 s), after the script's own checks.
   */
  private void aRefusedStatementFailsTheRun(TestNeo4j neo4j) throws Exception {
    Path bad = dir.resolve("bad.cypher");
    Files.writeString(
        bad,
        "CREATE CONSTRAINT `bad_key` IF NOT EXISTS FOR (n:`Bad`) REQUIRE n.`id` IS UNIQUE;\n"
            + "CREATE CONSTRAINT FOR (n:`Bad`) REQUIRE n.`id` IS NO SUCH THING;\n");
    TestTools.Run run = neo4j.cypherShell("-f", bad.toString());
    assertNotEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("Invalid input"), run.output());
  }

  /** name -> "KIND TYPE Label(prop, ...)" of what the blueprint asks for. */
  private static Map<String, String> expected(Neo4jDdl.Database db) {
    Map<String, String> out = new TreeMap<>();
    for (Neo4jDdl.Node n : db.nodes()) {
      out.put(n.keyConstraint(), describe("constraint UNIQUENESS", n.label(), n.key()));
      for (Neo4jDdl.Index i : n.indexes()) {
        if (i.create()) {
          out.put(i.name(), describe("index RANGE", n.label(), List.of(i.property())));
        }
      }
    }
    return out;
  }

  /** The same, as the server holds it: constraints and the indexes that no constraint owns. */
  private static Map<String, String> schema(TestNeo4j neo4j) {
    Map<String, String> out = new TreeMap<>();
    List<List<JsonNode>> rows =
        neo4j.rows(
            "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties"
                + " RETURN name, type, labelsOrTypes, properties ORDER BY name",
            "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, owningConstraint"
                + " WHERE type <> 'LOOKUP' AND owningConstraint IS NULL"
                + " RETURN name, type, labelsOrTypes, properties ORDER BY name");
    for (JsonNode r : rows.get(0)) {
      out.put(r.get(0).asText(), describe("constraint " + r.get(1).asText(), r.get(2), r.get(3)));
    }
    for (JsonNode r : rows.get(1)) {
      out.put(r.get(0).asText(), describe("index " + r.get(1).asText(), r.get(2), r.get(3)));
    }
    return out;
  }

  private static String describe(String kind, JsonNode labels, JsonNode properties) {
    assertEquals(1, labels.size(), "one label: " + labels);
    List<String> props = new ArrayList<>();
    properties.forEach(p -> props.add(p.asText()));
    return describe(kind, labels.get(0).asText(), props);
  }

  private static String describe(String kind, String label, List<String> properties) {
    return kind + " " + label + "(" + String.join(", ", properties) + ")";
  }
}
