package dev.blueprint.targets.storage;

import dev.blueprint.core.ddl.SqlStatement;
import dev.blueprint.targets.TargetException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells which of the blueprint's schemas, tables and indexes exist, from pg_catalog. Reads only.
 */
public final class StoragePlanner {

  private final StorageConnection connection;

  public StoragePlanner(StorageConnection connection) {
    this.connection = connection;
  }

  /** The plan for {@code statements} ({@code PostgresDdl.of(blueprint)}). */
  public StoragePlan plan(List<SqlStatement> statements) {
    try (Connection c = connection.open()) {
      StoragePlan plan = plan(c, connection.safeUrl(), statements);
      c.rollback();
      return plan;
    } catch (SQLException e) {
      throw new TargetException(
          "reading the catalog of " + connection.safeUrl() + " failed: " + e.getMessage(), e);
    }
  }

  static StoragePlan plan(Connection c, String url, List<SqlStatement> statements)
      throws SQLException {
    List<StoragePlan.Item> items = new ArrayList<>();
    for (SqlStatement s : statements) {
      items.add(new StoragePlan.Item(s, !"COMMENT".equals(s.kind()) && exists(c, s)));
    }
    return new StoragePlan(url, items);
  }

  /** Whether the object a statement creates is there; kinds SCHEMA, TABLE, INDEX. */
  static boolean exists(Connection c, SqlStatement s) throws SQLException {
    String sql =
        switch (s.kind()) {
          case "SCHEMA" -> "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?";
          case "TABLE" ->
              "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                  + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?"
                  + " AND c.relkind IN ('r', 'p')";
          case "INDEX" ->
              "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                  + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?"
                  + " AND c.relkind IN ('i', 'I')";
          default -> throw new IllegalArgumentException("unknown statement kind " + s.kind());
        };
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, s.schema());
      if (!s.kind().equals("SCHEMA")) {
        ps.setString(2, s.name());
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
