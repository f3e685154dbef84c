package dev.blueprint.core.generate.escape;

import dev.blueprint.core.ddl.PostgresDdl;

/**
 * SQL (PostgreSQL) escapers: {@code esc.sql} for string literals and {@code esc.sqlid} for quoted
 * identifiers. Both delegate to {@link PostgresDdl} so that generated files and the statements the
 * apply command runs quote alike.
 */
public final class SqlEscapers {
  private SqlEscapers() {}

  /** A standard-conforming string literal: {@code it's} becomes {@code 'it''s'}. */
  public static String literal(String value) {
    return PostgresDdl.literal(value);
  }

  /** A quoted identifier: {@code a"b} becomes {@code "a""b"}. */
  public static String identifier(String value) {
    return PostgresDdl.ident(value);
  }
}
