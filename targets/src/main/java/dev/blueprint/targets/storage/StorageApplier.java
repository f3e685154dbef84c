package dev.blueprint.targets.storage;

import dev.blueprint.core.ddl.PostgresDdl;
import dev.blueprint.core.ddl.SqlStatement;
import dev.blueprint.targets.TargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a blueprint's PostgreSQL DDL in one transaction: all of it or, on any error, none of it.
 * The statements are idempotent, so a second apply creates nothing. {@link #dropCreated} undoes
 * exactly what one apply created, and nothing that existed before it.
 */
public final class StorageApplier {

  /** Serialises concurrent applies on one database (an arbitrary constant key). */
  private static final long LOCK_KEY = 0x626c75657072696eL;

  private final StorageConnection connection;

  public StorageApplier(StorageConnection connection) {
    this.connection = connection;
  }

  /** Runs {@code statements} in one transaction; returns what did not exist before. */
  public StorageApplyResult apply(List<SqlStatement> statements) {
    try (Connection c = connection.open()) {
      try {
        lock(c);
        StoragePlan before = StoragePlanner.plan(c, connection.safeUrl(), statements);
        int executed = 0;
        try (Statement st = c.createStatement()) {
          for (SqlStatement s : statements) {
            try {
              st.execute(s.sql());
            } catch (SQLException e) {
              throw new SQLException(
                  "at "
                      + s.kind().toLowerCase(java.util.Locale.ROOT)
                      + " "
                      + label(s)
                      + ": "
                      + e.getMessage(),
                  e.getSQLState(),
                  e);
            }
            executed++;
          }
        }
        c.commit();
        return new StorageApplyResult(before.creates(), executed);
      } catch (SQLException e) {
        c.rollback();
        throw new TargetException(
            "applying the DDL to "
                + connection.safeUrl()
                + " failed "
                + e.getMessage()
                + "; the transaction was rolled back, nothing was applied",
            e);
      }
    } catch (SQLException e) {
      throw new TargetException(
          "applying the DDL to " + connection.safeUrl() + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * The engagement's compensation: drops, in one transaction and in reverse order, the indexes and
   * tables of {@code created} (as returned by {@link #apply}), and its schemas when they are then
   * empty (a schema that holds someone else's objects stays). Never CASCADE: an object that others
   * depend on makes the drop fail rather than take theirs with it. Idempotent.
   *
   * @return the objects dropped
   */
  public List<SqlStatement> dropCreated(List<SqlStatement> created) {
    List<SqlStatement> dropped = new ArrayList<>();
    try (Connection c = connection.open()) {
      try {
        lock(c);
        try (Statement st = c.createStatement()) {
          for (int i = created.size() - 1; i >= 0; i--) {
            SqlStatement s = created.get(i);
            if (!StoragePlanner.exists(c, s)) {
              continue;
            }
            switch (s.kind()) {
              case "INDEX" -> st.execute("DROP INDEX " + qualified(s));
              case "TABLE" -> st.execute("DROP TABLE " + qualified(s));
              case "SCHEMA" -> {
                if (!isEmpty(c, s.name()) || !dropSchemaIfUnused(c, st, s.name())) {
                  continue;
                }
              }
              default -> {
                continue;
              }
            }
            dropped.add(s);
          }
        }
        c.commit();
        return dropped;
      } catch (SQLException e) {
        c.rollback();
        throw new TargetException(
            "dropping what the engagement created in "
                + connection.safeUrl()
                + " failed: "
                + e.getMessage()
                + "; rolled back, nothing was dropped",
            e);
      }
    } catch (SQLException e) {
      throw new TargetException(
          "dropping what the engagement created in "
              + connection.safeUrl()
              + " failed: "
              + e.getMessage(),
          e);
    }
  }

  private static void lock(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
    }
  }

  /**
   * Drops a schema unless something still lives in it (a type, a function, ...): then the drop is
   * rolled back to a savepoint and the schema stays, without failing the compensation.
   */
  private static boolean dropSchemaIfUnused(Connection c, Statement st, String schema)
      throws SQLException {
    java.sql.Savepoint sp = c.setSavepoint();
    try {
      st.execute("DROP SCHEMA " + PostgresDdl.ident(schema));
      c.releaseSavepoint(sp);
      return true;
    } catch (SQLException e) {
      if (!"2BP01".equals(e.getSQLState())) { // dependent_objects_still_exist
        throw e;
      }
      c.rollback(sp);
      return false;
    }
  }

  private static boolean isEmpty(Connection c, String schema) throws SQLException {
    try (var ps =
        c.prepareStatement(
            "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = ? LIMIT 1")) {
      ps.setString(1, schema);
      try (var rs = ps.executeQuery()) {
        return !rs.next();
      }
    }
  }

  private static String qualified(SqlStatement s) {
    return PostgresDdl.ident(s.schema()) + "." + PostgresDdl.ident(s.name());
  }

  private static String label(SqlStatement s) {
    return s.kind().equals("SCHEMA") ? s.name() : s.schema() + "." + s.name();
  }
}
