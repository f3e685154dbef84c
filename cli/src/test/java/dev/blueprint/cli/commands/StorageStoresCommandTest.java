package dev.blueprint.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.cli.commands.StorageCommandTest.Run;
import dev.blueprint.targets.testing.Examples;
import dev.blueprint.targets.testing.TestCassandra;
import dev.blueprint.targets.testing.TestFerretDb;
import dev.blueprint.targets.testing.TestNeo4j;
import dev.blueprint.targets.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code blueprint storage plan|apply} over several stores at once, end to end against real
 * PostgreSQL, Neo4j, Cassandra and FerretDB servers (about a minute to start them): each store is
 * planned, applied and re-planned, and a store that fails after another has applied takes the
 * other's new objects with it.
 */
class StorageStoresCommandTest {
  static TestPostgres pg;
  static TestNeo4j neo4j;
  static TestCassandra cassandra;
  static TestFerretDb ferret;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    pg = TestPostgres.start();
    neo4j = TestNeo4j.start("fraud-graph-cluster");
    cassandra = TestCassandra.start();
    ferret = TestFerretDb.start();
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {ferret, cassandra, neo4j, pg}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private static String database(String name) throws Exception {
    try (Connection c = pg.jdbc();
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    return pg.jdbcUrl().replace("/postgres", "/" + name);
  }

  private static String example(String name) {
    return Examples.root().resolve("examples/" + name + "/blueprint.yaml").toString();
  }

  @Test
  void postgresAndNeo4jArePlannedAndAppliedTogetherAndAFailingNeo4jTakesPostgresNewTablesWithIt()
      throws Exception {
    String file = example("fraud-detection");
    String[] stores = {
      "--jdbc-url", database("fraud"), "--user", "postgres", "--neo4j", neo4j.uri()
    };
    Run plan = StorageCommandTest.run(cat(new String[] {"storage", "plan", file}, stores));
    assertEquals(0, plan.exit(), plan.err());
    assertTrue(plan.out().contains("PostgreSQL plan for "), plan.out());
    assertTrue(
        plan.out()
            .contains(
                "Neo4j plan for "
                    + neo4j.uri()
                    + "\n  + create constraint"
                    + " fraud-graph-cluster.fraud_graph_key\n"),
        plan.out());
    Run detailed =
        StorageCommandTest.run(
            cat(new String[] {"storage", "plan", file, "--detailed-exitcode"}, stores));
    assertEquals(3, detailed.exit(), detailed.err());

    // two nodes with the same node_id: Neo4j refuses the key constraint, after PostgreSQL applied
    neo4j.cypherShell("CREATE (:FraudGraph {node_id: 'x'}), (:FraudGraph {node_id: 'x'});").ok();
    Run failed = StorageCommandTest.run(cat(new String[] {"storage", "apply", file}, stores));
    assertEquals(1, failed.exit(), failed.out());
    assertTrue(failed.out().contains(" objects created"), failed.out());
    assertTrue(
        failed.err().contains("at constraint fraud-graph-cluster.fraud_graph_key"), failed.err());
    assertTrue(failed.err().contains("PostgreSQL: the "), failed.err());
    assertTrue(failed.err().contains(" objects this run had created were dropped."), failed.err());
    Run after = StorageCommandTest.run(cat(new String[] {"storage", "plan", file}, stores));
    assertEquals(plan.out(), after.out(), "the failed apply left something behind");

    neo4j.cypherShell("MATCH (n) DETACH DELETE n;").ok();
    Run apply = StorageCommandTest.run(cat(new String[] {"storage", "apply", file}, stores));
    assertEquals(0, apply.exit(), apply.err());
    assertTrue(apply.out().contains("created Neo4j constraint fraud-graph-cluster."), apply.out());
    assertTrue(apply.out().contains("(one transaction)."), apply.out());
    Run synced =
        StorageCommandTest.run(
            cat(new String[] {"storage", "plan", file, "--detailed-exitcode"}, stores));
    assertEquals(0, synced.exit(), synced.out());
    assertEquals(2, synced.out().split("No changes", -1).length - 1, synced.out());
  }

  @Test
  void cassandraAndAMongoDbCompatibleServerWithWhatItLacksLeftOut() throws Exception {
    // clickstream's reporting table as a MongoDB collection: a validator and a TTL index (760 d)
    String yaml =
        Files.readString(Path.of(example("clickstream-analytics")))
            .replace(
                "store: relational\n      database: marketing_reporting",
                "store: document\n      database: marketing_docs");
    Path file = Files.writeString(dir.resolve("blueprint.yaml"), yaml);
    String[] stores = {
      "--cassandra",
      "127.0.0.1:" + cassandra.port(),
      "--mongodb",
      ferret.uri(),
      "--neo4j",
      neo4j.uri()
    };

    Run refused =
        StorageCommandTest.run(cat(new String[] {"storage", "apply", file.toString()}, stores));
    assertEquals(1, refused.exit(), refused.out());
    assertTrue(
        refused.out().contains("The blueprint has no Neo4j objects: nothing to do there."),
        refused.out());
    assertTrue(refused.err().contains("--mongodb-without validator"), refused.err());
    assertTrue(refused.err().contains("Cassandra: the "), refused.err());
    Run plan =
        StorageCommandTest.run(cat(new String[] {"storage", "plan", file.toString()}, stores));
    assertTrue(plan.out().contains("  + create keyspace sessions_cluster\n"), plan.out());

    String[] without = cat(stores, new String[] {"--mongodb-without", "validator,ttl"});
    Run apply =
        StorageCommandTest.run(cat(new String[] {"storage", "apply", file.toString()}, without));
    assertEquals(0, apply.exit(), apply.err());
    assertTrue(apply.out().contains("created Cassandra keyspace sessions_cluster"), apply.out());
    assertTrue(apply.out().contains("created MongoDB collection marketing_docs."), apply.out());
    assertTrue(apply.out().contains("  note: "), apply.out());
    Run synced =
        StorageCommandTest.run(
            cat(new String[] {"storage", "plan", file.toString(), "--detailed-exitcode"}, without));
    assertEquals(0, synced.exit(), synced.out());
  }

  @Test
  void theCommandLineNamesAStoreAndItsOptions() {
    String file = example("clickstream-analytics");
    Run none = StorageCommandTest.run("storage", "plan", file);
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("name at least one store: --jdbc-url, --cassandra"), none.err());
    Run orphan =
        StorageCommandTest.run(
            "storage", "plan", file, "--neo4j", neo4j.uri(), "--mongodb-without", "ttl");
    assertEquals(2, orphan.exit());
    assertTrue(orphan.err().contains("--mongodb-without needs --mongodb"), orphan.err());
    Run unknown =
        StorageCommandTest.run(
            "storage", "plan", file, "--mongodb", ferret.uri(), "--mongodb-without", "joins");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("known: validator, ttl"), unknown.err());
    Run badUri = StorageCommandTest.run("storage", "plan", file, "--neo4j", "http://x:7474");
    assertEquals(2, badUri.exit());
    assertTrue(badUri.err().contains("neo4j://HOST:PORT"), badUri.err());
    Run help = StorageCommandTest.run("storage", "apply", "--help");
    assertFalse(help.out().isBlank());
    assertTrue(help.out().contains("--mongodb-without"), help.out());
  }

  private static String[] cat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
