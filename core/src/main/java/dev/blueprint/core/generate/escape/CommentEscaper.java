package dev.blueprint.core.generate.escape;

/**
 * Text for a single-line comment in any language ({@code -- } in SQL and CQL, {@code //} in Cypher
 * and JavaScript, {@code #} in Makefiles and shell): line breaks and other control characters
 * become spaces, so the text cannot end the comment and start code; block-comment ends ({@code
 * *}{@code /}) are broken up, and trailing backslashes (a line continuation in Make and C-like
 * preprocessors) are dropped. Available to templates as {@code esc.comment}.
 */
public final class CommentEscaper {
  private CommentEscaper() {}

  public static String escape(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      sb.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
    }
    String s = sb.toString().replace("*/", "* /").strip();
    while (s.endsWith("\\")) {
      s = s.substring(0, s.length() - 1).stripTrailing();
    }
    return s;
  }
}
