package dev.blueprint.core.ddl;

/**
 * One DDL statement and the object it creates, so that a plan can tell what exists already and a
 * compensation can drop exactly what was created.
 *
 * @param kind SCHEMA, TABLE or INDEX
 * @param schema the schema the object lives in (the schema itself for kind SCHEMA)
 * @param name the object's unquoted name
 * @param sql the statement, without a trailing semicolon
 */
public record SqlStatement(String kind, String schema, String name, String sql) {}
