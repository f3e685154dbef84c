package dev.blueprint.core.generate.escape;

/**
 * Cassandra Query Language escapers: {@code esc.cql} for string constants and {@code esc.cqlid} for
 * quoted identifiers. CQL string constants are single-quoted with the quote doubled; they may hold
 * line breaks. Quoted identifiers are double-quoted with the quote doubled and keep their case.
 */
public final class CqlEscapers {
  private CqlEscapers() {}

  /** A CQL string constant. */
  public static String literal(String value) {
    refuseNul(value, "string");
    return "'" + value.replace("'", "''") + "'";
  }

  /** A CQL quoted identifier (column names; keyspace and table names must also be \w+). */
  public static String identifier(String value) {
    refuseNul(value, "identifier");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a CQL identifier cannot be empty");
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private static void refuseNul(String value, String what) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a CQL " + what + " cannot contain NUL");
    }
  }
}
