package dev.blueprint.core.ddl;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Field;
import dev.blueprint.core.model.FieldType;
import dev.blueprint.core.model.StoreFamily;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL DDL for the relational datasets of a blueprint: one schema per domain, one table per
 * dataset with its primary key, an index per identity key, comments from the descriptions. Every
 * statement is idempotent ({@code IF NOT EXISTS}), so applying twice changes nothing.
 */
public final class PostgresDdl {

  /** The schema of datasets without a domain. */
  public static final String DEFAULT_SCHEMA = "public";

  private PostgresDdl() {}

  /** The name used for relational datasets that name no database. */
  public static final String DEFAULT_DATABASE = "default";

  /** The statements for every relational dataset, schemas first, in blueprint order. */
  public static List<SqlStatement> of(Blueprint blueprint) {
    return ofDatasets(relational(blueprint));
  }

  /**
   * The statements per database (a dataset's {@code database}, or {@value #DEFAULT_DATABASE}),
   * sorted by database name; within one database as {@link #ofDatasets} orders them.
   */
  public static java.util.SortedMap<String, List<SqlStatement>> byDatabase(Blueprint blueprint) {
    java.util.SortedMap<String, List<Dataset>> groups = new java.util.TreeMap<>();
    for (Dataset d : relational(blueprint)) {
      groups.computeIfAbsent(databaseOf(d), k -> new ArrayList<>()).add(d);
    }
    java.util.SortedMap<String, List<SqlStatement>> out = new java.util.TreeMap<>();
    groups.forEach((db, datasets) -> out.put(db, ofDatasets(datasets)));
    return out;
  }

  /** The database a relational dataset lives in, or {@value #DEFAULT_DATABASE}. */
  public static String databaseOf(Dataset d) {
    return d.database() == null || d.database().isBlank() ? DEFAULT_DATABASE : d.database();
  }

  private static List<Dataset> relational(Blueprint blueprint) {
    return blueprint.architectureOrEmpty().datasets().stream()
        .filter(d -> d.store() == StoreFamily.RELATIONAL)
        .toList();
  }

  /** The statements for the given datasets (all relational), schemas first, in list order. */
  public static List<SqlStatement> ofDatasets(List<Dataset> relational) {
    Set<String> schemas = new LinkedHashSet<>();
    relational.forEach(d -> schemas.add(schemaOf(d)));
    List<SqlStatement> out = new ArrayList<>();
    for (String schema : schemas) {
      if (!schema.equals(DEFAULT_SCHEMA)) {
        out.add(
            new SqlStatement(
                "SCHEMA", schema, schema, "CREATE SCHEMA IF NOT EXISTS " + ident(schema)));
      }
    }
    for (Dataset d : relational) {
      out.addAll(of(d));
    }
    return out;
  }

  /** The table, its indexes and comments for one dataset. */
  public static List<SqlStatement> of(Dataset d) {
    String schema = schemaOf(d);
    String table = ident(schema) + "." + ident(d.name());
    List<SqlStatement> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(table).append(" (");
    List<String> columns = new ArrayList<>();
    for (Field f : d.fields()) {
      columns.add(
          "\n  " + ident(f.name()) + " " + type(f.type()) + (f.isNullable() ? "" : " NOT NULL"));
    }
    if (!d.primaryKey().isEmpty()) {
      columns.add(
          "\n  CONSTRAINT "
              + ident(constraintName(d.name(), "pk"))
              + " PRIMARY KEY ("
              + String.join(", ", d.primaryKey().stream().map(PostgresDdl::ident).toList())
              + ")");
    }
    sb.append(String.join(",", columns)).append("\n)");
    out.add(new SqlStatement("TABLE", schema, d.name(), sb.toString()));
    if (d.description() != null && !d.description().isBlank()) {
      out.add(
          new SqlStatement(
              "COMMENT",
              schema,
              d.name(),
              "COMMENT ON TABLE " + table + " IS " + literal(d.description())));
    }
    for (Field f : d.fields()) {
      if (f.description() != null && !f.description().isBlank()) {
        out.add(
            new SqlStatement(
                "COMMENT",
                schema,
                d.name() + "." + f.name(),
                "COMMENT ON COLUMN "
                    + table
                    + "."
                    + ident(f.name())
                    + " IS "
                    + literal(f.description())));
      }
    }
    for (String key : d.identityKeys()) {
      if (!d.primaryKey().equals(List.of(key))) {
        String index = constraintName(d.name() + "_" + key, "idx");
        out.add(
            new SqlStatement(
                "INDEX",
                schema,
                index,
                "CREATE INDEX IF NOT EXISTS "
                    + ident(index)
                    + " ON "
                    + table
                    + " ("
                    + ident(key)
                    + ")"));
      }
    }
    return out;
  }

  /** The schema a dataset's table lives in: its domain as a SQL name, or public. */
  public static String schemaOf(Dataset d) {
    if (d.domain() == null || d.domain().isBlank()) {
      return DEFAULT_SCHEMA;
    }
    return d.domain().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  /** The PostgreSQL type of a logical field type. */
  public static String type(FieldType t) {
    return switch (t == null ? FieldType.STRING : t) {
      case STRING -> "text";
      case INT -> "integer";
      case LONG -> "bigint";
      case DOUBLE -> "double precision";
      case DECIMAL -> "numeric(38, 9)";
      case BOOLEAN -> "boolean";
      case DATE -> "date";
      case TIMESTAMP -> "timestamptz";
      case UUID -> "uuid";
      case BYTES -> "bytea";
      case JSON -> "jsonb";
    };
  }

  /** A quoted identifier: always quoted, embedded quotes doubled, NUL refused. */
  public static String ident(String name) {
    if (name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("an SQL identifier cannot contain NUL");
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A standard string literal: quotes doubled, NUL refused (PostgreSQL text cannot hold it). */
  public static String literal(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("an SQL literal cannot contain NUL");
    }
    return "'" + value.replace("'", "''") + "'";
  }

  /** A constraint or index name that fits PostgreSQL's 63-byte limit. */
  static String constraintName(String base, String suffix) {
    String name = base + "_" + suffix;
    if (name.length() <= 63) {
      return name;
    }
    String hash = Integer.toHexString(name.hashCode());
    return base.substring(0, 63 - suffix.length() - hash.length() - 2) + "_" + hash + "_" + suffix;
  }
}
