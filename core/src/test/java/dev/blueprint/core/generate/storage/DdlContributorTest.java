package dev.blueprint.core.generate.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.core.ddl.PostgresDdl;
import dev.blueprint.core.ddl.SqlStatement;
import dev.blueprint.core.generate.escape.HostileStrings;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DdlContributorTest {
  @TempDir Path dir;

  @Test
  void clickstreamDdlFilesAndPostgresStatementsAreTheSharedOnes() throws Exception {
    Blueprint b = Generated.clickstream();
    Generated g = Generated.run(b, dir, new DdlContributor());
    assertEquals(
        List.of(
            "storage/ddl/cassandra/sessions_cluster.cql",
            "storage/ddl/postgres/marketing_reporting.sql",
            "storage/redis/session_cache.md"),
        List.copyOf(g.files()));
    String sql = g.read("storage/ddl/postgres/marketing_reporting.sql");
    List<SqlStatement> statements = PostgresDdl.of(b);
    int at = 0;
    for (SqlStatement s : statements) {
      int found = sql.indexOf(s.sql() + ";\n", at);
      assertTrue(found >= at, "statement missing or out of order: " + s.sql());
      at = found;
    }
    String cql = g.read("storage/ddl/cassandra/sessions_cluster.cql");
    assertTrue(
        cql.contains("WITH replication = {'class': 'NetworkTopologyStrategy', 'datacenter1': 3}"),
        cql);
    assertTrue(cql.contains("PRIMARY KEY ((\"tracker_id\"))"), cql);
    assertTrue(cql.contains("default_time_to_live = 2592000"), cql); // 30 days
    String redis = g.read("storage/redis/session_cache.md");
    assertTrue(redis.contains("| Key pattern | `session:{tracker_id}` |"), redis);
    assertTrue(redis.contains("`EX 1800`"), redis);
    assertTrue(redis.contains("cache-aside"), redis);
  }

  @Test
  void everyStoreFamilyGetsItsDdl() throws Exception {
    Generated g =
        Generated.run(StoreFixtures.allStores("plain", "extra"), dir, new DdlContributor());
    assertEquals(
        List.of(
            "storage/ddl/cassandra/events_cluster.cql",
            "storage/ddl/mongodb/crm_docs.js",
            "storage/ddl/neo4j/graph-db.cypher",
            "storage/ddl/postgres/ledger.sql",
            "storage/redis/score_cache.md",
            "storage/redis/scores.md"),
        List.copyOf(g.files()));
    String cql = g.read("storage/ddl/cassandra/events_cluster.cql");
    assertTrue(cql.contains("PRIMARY KEY ((\"owner_id\"), \"created_at\", \"id\")"), cql);
    assertTrue(cql.contains("WITH CLUSTERING ORDER BY (\"created_at\" DESC, \"id\" ASC)"), cql);
    String cypher = g.read("storage/ddl/neo4j/graph-db.cypher");
    assertTrue(cypher.contains("FOR (n:`OwnerGraph`) REQUIRE n.`id` IS UNIQUE;"), cypher);
    assertTrue(cypher.contains("FOR (n:`OwnerGraph`) ON (n.`owner_id`);"), cypher);
    assertTrue(
        cypher.contains(
            "owner_id: holds the id of a record in another database: accounts.id in PostgreSQL"
                + " database ledger"),
        cypher);
    assertTrue(cypher.contains("consider a relationship"), cypher);
    String js = g.read("storage/ddl/mongodb/crm_docs.js");
    assertTrue(js.contains("\"expireAfterSeconds\":34560000"), js); // 400 days
  }

  @Test
  void hostileStringsStayInsideQuotesAndComments() throws Exception {
    Path benignDir = dir.resolve("benign");
    Generated benign =
        Generated.run(
            StoreFixtures.allStores("plain words", "extra"), benignDir, new DdlContributor());
    int n = 0;
    for (String hostile : HostileStrings.all(40)) {
      if (hostile.isEmpty() || hostile.indexOf('\0') >= 0) {
        continue;
      }
      Generated g =
          Generated.run(
              StoreFixtures.allStores(hostile, "x" + hostile),
              dir.resolve("h" + n++),
              new DdlContributor());
      for (String f : benign.files()) {
        String expected = benign.read(f);
        String actual = g.read(f);
        String what = f + " with " + hostile.replace("\n", "\\n");
        if (f.endsWith(".sql") || f.endsWith(".cql")) {
          assertEquals(Skeleton.sql(expected), Skeleton.sql(actual), what);
        } else if (f.endsWith(".cypher")) {
          assertEquals(Skeleton.cypher(expected), Skeleton.cypher(actual), what);
        } else if (f.endsWith(".js")) {
          assertEquals(Skeleton.js(expected), Skeleton.js(actual), what);
        }
      }
    }
  }

  @Test
  void mongoScriptRunsUnderNodeAndCarriesHostileDescriptionsIntact() throws Exception {
    assumeTrue(nodeAvailable(), "node is not installed");
    String hostile = "it's \"x\" </script> \\ `y` ${z}\nline two \u2028 end";
    Generated g =
        Generated.run(StoreFixtures.allStores(hostile, "odd \"field\""), dir, new DdlContributor());
    Path script = g.path("storage/ddl/mongodb/crm_docs.js");
    // a stand-in for mongosh's db: records every call as JSON
    String stub =
        "const calls = [];\n"
            + "const coll = { createIndex: (k, o) => calls.push(['createIndex', k, o]) };\n"
            + "const database = { getCollectionNames: () => [], createCollection: (n, o) =>"
            + " calls.push(['createCollection', n, o]), runCommand: (c) => calls.push(['runCommand',"
            + " c]), getCollection: () => coll };\n"
            + "const db = { getSiblingDB: (n) => { calls.push(['use', n]); return database; } };\n"
            + Files.readString(script, StandardCharsets.UTF_8)
            + "\nprocess.stdout.write(JSON.stringify(calls));\n";
    Path runner = dir.resolve("runner.js");
    Files.writeString(runner, stub, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("node", runner.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    JsonNode calls = new ObjectMapper().readTree(out);
    assertEquals("crm_docs", calls.get(0).get(1).asText());
    JsonNode create = calls.get(1);
    assertEquals("createCollection", create.get(0).asText());
    assertEquals("profiles", create.get(1).asText());
    JsonNode schema = create.get(2).get("validator").get("$jsonSchema");
    assertEquals(hostile, schema.get("description").asText());
    assertEquals(
        hostile, schema.get("properties").get("odd \"field\"").get("description").asText());
    assertEquals("date", schema.get("properties").get("created_at").get("bsonType").asText());
    assertEquals("createIndex", calls.get(2).get(0).asText());
    assertTrue(calls.get(2).get(2).get("unique").asBoolean());
  }

  @Test
  void aWideColumnDatasetWithoutKeysIsAClearError() throws Exception {
    Blueprint b = StoreFixtures.allStores("x", "y");
    var datasets = new java.util.ArrayList<>(b.architecture().datasets());
    var wide = datasets.get(1);
    datasets.set(
        1,
        new dev.blueprint.core.model.Dataset(
            wide.name(),
            null,
            null,
            null,
            null,
            wide.store(),
            null,
            wide.database(),
            null,
            wide.fields(),
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(),
            null));
    Blueprint broken =
        b.withArchitecture(
            new dev.blueprint.core.model.Architecture(
                datasets, List.of(), List.of(), List.of(), List.of()));
    ProblemException e =
        assertThrows(
            ProblemException.class, () -> Generated.run(broken, dir, new DdlContributor()));
    String message = e.getMessage() + e.problems();
    assertTrue(message.contains("architecture.datasets[1].primaryKey"), message);
    assertTrue(message.contains("events_by_owner"), message);
  }

  static boolean nodeAvailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
