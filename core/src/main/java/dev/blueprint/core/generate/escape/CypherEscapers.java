package dev.blueprint.core.generate.escape;

/**
 * Cypher (Neo4j) escapers: {@code esc.cypher} for string literals and {@code esc.cypherid} for
 * backtick-quoted names (labels, property keys, constraint and index names).
 */
public final class CypherEscapers {
  private CypherEscapers() {}

  /**
   * A single-quoted string literal. Backslash and quote are escaped with a backslash, line breaks
   * and other control characters become {@code \n}, {@code \r}, {@code \t} or {@code \\uXXXX}, so a
   * literal is always one line.
   */
  public static String literal(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\'' -> sb.append("\\'");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('\'').toString();
  }

  /** A backtick-quoted name; an embedded backtick is doubled. */
  public static String identifier(String value) {
    if (value.isEmpty() || value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a Cypher name cannot be empty or contain NUL");
    }
    return '`' + value.replace("`", "``") + '`';
  }
}
