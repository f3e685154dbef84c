package dev.blueprint.targets.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.ddl.PostgresDdl;
import dev.blueprint.core.ddl.SqlStatement;
import dev.blueprint.targets.TargetException;
import dev.blueprint.targets.stores.StorePlan;
import dev.blueprint.targets.testing.Examples;
import dev.blueprint.targets.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Plan, apply and compensation against a real PostgreSQL server started by the test. */
class StorageTest {

  static TestPostgres pg;

  @BeforeAll
  static void start() throws Exception {
    pg = TestPostgres.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  /** Every test starts from an empty database: drop every non-system schema and public's tables. */
  @AfterEach
  void clean() throws SQLException {
    try (Connection c = pg.jdbc();
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA public CASCADE");
      st.execute("CREATE SCHEMA public");
      List<String> schemas = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
                  + " AND nspname NOT IN ('information_schema', 'public')")) {
        while (rs.next()) {
          schemas.add(rs.getString(1));
        }
      }
      for (String s : schemas) {
        st.execute("DROP SCHEMA " + PostgresDdl.ident(s) + " CASCADE");
      }
    }
  }

  static List<SqlStatement> ddl(Path file) {
    return PostgresDdl.of(Examples.load(file).blueprint());
  }

  @Test
  void everyExamplesDdlAppliesAndAppliesTwice() {
    int tables = 0;
    for (Path file : Examples.files()) {
      List<SqlStatement> ddl = ddl(file);
      StoragePlan before = new StoragePlanner(pg.connection()).plan(ddl);
      assertEquals(
          ddl.stream().filter(s -> !s.kind().equals("COMMENT")).toList(),
          before.creates(),
          file.toString());

      StorageApplyResult first = new StorageApplier(pg.connection()).apply(ddl);
      assertEquals(before.creates(), first.created());
      assertEquals(ddl.size(), first.executed());

      StoragePlan after = new StoragePlanner(pg.connection()).plan(ddl);
      assertFalse(after.asStorePlan().hasChanges(), after.asStorePlan().text());
      assertEquals(before.creates(), after.existing());

      StorageApplyResult second = new StorageApplier(pg.connection()).apply(ddl);
      assertTrue(second.created().isEmpty(), "a second apply creates nothing");
      tables += (int) ddl.stream().filter(s -> s.kind().equals("TABLE")).count();
      clean0();
    }
    assertTrue(tables > 0, "the examples have relational datasets");
  }

  private void clean0() {
    try {
      clean();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void planShowsWhatExistsAndWhatWillBeCreated() throws SQLException {
    List<SqlStatement> ddl = sample();
    try (Connection c = pg.jdbc();
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA sales");
    }
    StorePlan plan = new StoragePlanner(pg.connection()).plan(ddl).asStorePlan();
    assertTrue(plan.text().contains("    exists schema sales"), plan.text());
    assertTrue(plan.text().contains("  + create table sales.orders"), plan.text());
    assertTrue(plan.text().contains("  + create index sales.orders_customer_idx"), plan.text());
    assertTrue(plan.text().contains("Plan: 2 to create, 1 existing."), plan.text());
  }

  @Test
  void dropCreatedDropsOnlyWhatThisApplyCreated() throws SQLException {
    List<SqlStatement> ddl = sample();
    try (Connection c = pg.jdbc();
        Statement st = c.createStatement()) {
      // before the engagement: the schema and someone else's table in it
      st.execute("CREATE SCHEMA sales");
      st.execute("CREATE TABLE sales.theirs (id int)");
      st.execute("INSERT INTO sales.theirs VALUES (1)");
    }
    StorageApplyResult result = new StorageApplier(pg.connection()).apply(ddl);
    assertEquals(
        List.of("orders", "orders_customer_idx"),
        result.created().stream().map(SqlStatement::name).toList());

    List<SqlStatement> dropped = new StorageApplier(pg.connection()).dropCreated(result.created());
    assertEquals(2, dropped.size());
    assertTrue(
        new StoragePlanner(pg.connection())
            .plan(ddl).existing().stream().allMatch(s -> s.kind().equals("SCHEMA")));
    try (Connection c = pg.jdbc();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM sales.theirs")) {
      rs.next();
      assertEquals(1, rs.getInt(1), "the pre-existing table and its rows stay");
    }
    // idempotent
    assertTrue(new StorageApplier(pg.connection()).dropCreated(result.created()).isEmpty());
  }

  @Test
  void dropCreatedRemovesItsOwnSchemaWhenEmpty() {
    List<SqlStatement> ddl = sample();
    StorageApplyResult result = new StorageApplier(pg.connection()).apply(ddl);
    assertEquals(3, result.created().size());
    assertEquals(3, new StorageApplier(pg.connection()).dropCreated(result.created()).size());
    assertEquals(3, new StoragePlanner(pg.connection()).plan(ddl).creates().size());
  }

  @Test
  void dropCreatedKeepsItsSchemaWhenSomeoneElsePutATypeInIt() throws SQLException {
    StorageApplyResult result = new StorageApplier(pg.connection()).apply(sample());
    try (Connection c = pg.jdbc();
        Statement st = c.createStatement()) {
      st.execute("CREATE TYPE sales.mood AS ENUM ('happy', 'sad')");
    }
    List<SqlStatement> dropped = new StorageApplier(pg.connection()).dropCreated(result.created());
    assertEquals(
        List.of("orders_customer_idx", "orders"),
        dropped.stream().map(SqlStatement::name).toList());
    assertEquals(
        List.of("SCHEMA"),
        new StoragePlanner(pg.connection())
            .plan(sample()).existing().stream().map(SqlStatement::kind).toList());
  }

  @Test
  void aFailingStatementRollsBackEverything() {
    List<SqlStatement> ddl = new ArrayList<>(sample());
    ddl.add(
        new SqlStatement("TABLE", "sales", "broken", "CREATE TABLE sales.broken (x no_such_type)"));
    TargetException e =
        assertThrows(TargetException.class, () -> new StorageApplier(pg.connection()).apply(ddl));
    assertTrue(e.getMessage().contains("sales.broken"), e.getMessage());
    assertTrue(e.getMessage().contains("nothing was applied"), e.getMessage());
    assertEquals(3, new StoragePlanner(pg.connection()).plan(sample()).creates().size());
  }

  @Test
  void aDatabaseThatIsDownIsOneClearError() throws Exception {
    int port;
    try (var s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    StorageConnection down =
        new StorageConnection(
            "jdbc:postgresql://127.0.0.1:" + port + "/x?password=secret", "u", null);
    TargetException e =
        assertThrows(TargetException.class, () -> new StoragePlanner(down).plan(sample()));
    assertTrue(
        e.getMessage()
            .startsWith(
                "cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:" + port + "/x:"),
        e.getMessage());
    assertFalse(e.getMessage().contains("secret"));
  }

  static List<SqlStatement> sample() {
    return List.of(
        new SqlStatement("SCHEMA", "sales", "sales", "CREATE SCHEMA IF NOT EXISTS \"sales\""),
        new SqlStatement(
            "TABLE",
            "sales",
            "orders",
            "CREATE TABLE IF NOT EXISTS \"sales\".\"orders\" (id bigint PRIMARY KEY, customer text)"),
        new SqlStatement(
            "COMMENT", "sales", "orders", "COMMENT ON TABLE \"sales\".\"orders\" IS 'Orders.'"),
        new SqlStatement(
            "INDEX",
            "sales",
            "orders_customer_idx",
            "CREATE INDEX IF NOT EXISTS \"orders_customer_idx\" ON \"sales\".\"orders\" (customer)"));
  }

  /**
   * A host that accepts connections but never answers: the login gives up after its 10 s, with the
   * address (before, it waited for the 60 s socket timeout; the test allows 40).
   */
  @Test
  @org.junit.jupiter.api.Timeout(40)
  void aServerThatNeverAnswersIsGivenUpOnWithItsAddress() throws Exception {
    try (java.net.ServerSocket silent =
        new java.net.ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
      Thread accepter =
          new Thread(
              () -> {
                try {
                  while (!silent.isClosed()) {
                    silent.accept(); // and never answer
                  }
                } catch (java.io.IOException e) {
                  // closed by the test
                }
              });
      accepter.setDaemon(true);
      accepter.start();
      String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/db";
      dev.blueprint.targets.TargetException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              dev.blueprint.targets.TargetException.class,
              () -> new StorageConnection(url, "u", "p").open().close());
      org.junit.jupiter.api.Assertions.assertTrue(
          e.getMessage().startsWith("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:"),
          e.getMessage());
    }
  }
}
