package dev.blueprint.core.generate.storage;

/**
 * The code of a generated file with every comment, string literal and quoted identifier replaced by
 * a placeholder. Two files whose skeletons are equal differ only inside quotes and comments, so a
 * user string that changed the skeleton has leaked into code.
 */
final class Skeleton {
  private Skeleton() {}

  /** SQL and CQL: -- comments, '...' and "..." with doubled quotes. */
  static String sql(String text) {
    return scan(text, "--", new char[] {'\'', '"'}, false);
  }

  /** Cypher: // comments, '...' with backslash escapes, `...` with doubled backticks. */
  static String cypher(String text) {
    return scan(text, "//", new char[] {'\'', '`'}, true);
  }

  /** JavaScript with JSON strings: // comments, "..." with backslash escapes. */
  static String js(String text) {
    return scan(text, "//", new char[] {'"'}, true);
  }

  private static String scan(String text, String comment, char[] quotes, boolean backslash) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith(comment, i)) {
        int end = text.indexOf('\n', i);
        out.append("<comment>");
        i = end < 0 ? text.length() : end;
        continue;
      }
      char c = text.charAt(i);
      char quote = 0;
      for (char q : quotes) {
        if (c == q) {
          quote = q;
        }
      }
      if (quote == 0) {
        out.append(c);
        i++;
        continue;
      }
      int j = i + 1;
      while (true) {
        if (j >= text.length()) {
          throw new AssertionError("unterminated " + quote + " literal at " + i);
        }
        char d = text.charAt(j);
        boolean escapes = backslash && quote != '`';
        if (escapes && d == '\\') {
          j += 2;
          continue;
        }
        if (d == quote) {
          if (!escapes && j + 1 < text.length() && text.charAt(j + 1) == quote) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out.append('<').append(quote).append('>');
      i = j + 1;
    }
    return out.toString();
  }
}
