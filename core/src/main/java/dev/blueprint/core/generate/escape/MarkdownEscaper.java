package dev.blueprint.core.generate.escape;

/**
 * Markdown (CommonMark and GitHub Flavored Markdown) escapers. {@code esc.md} turns a user string
 * into inline text that renders literally in a paragraph, list item, heading or table cell: line
 * breaks become spaces, every character that could start emphasis, a link, HTML, code, math,
 * strike-through or a table cell is backslash-escaped, and so is a leading character that would
 * start a list, heading or rule. Underscores inside a word stay as they are ({@code page_views}
 * cannot become emphasis), so names remain readable in the raw file. {@code esc.mdcode} renders a
 * name as a code span, or as escaped text when a code span could not hold it literally.
 */
public final class MarkdownEscaper {
  private MarkdownEscaper() {}

  /** Inline Markdown text that renders as exactly the given characters (line breaks as spaces). */
  public static String text(String value) {
    String s = oneLine(value);
    if (!needsBackslashes(s)) {
      return escapeBlockStart(s);
    }
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\', '`', '*', '[', ']', '<', '|', '~', '$', '#' -> sb.append('\\').append(c);
        case '_' -> {
          boolean inWord =
              i > 0
                  && i < s.length() - 1
                  && Character.isLetterOrDigit(s.charAt(i - 1))
                  && Character.isLetterOrDigit(s.charAt(i + 1));
          sb.append(inWord ? "_" : "\\_");
        }
        case '&' -> {
          boolean entity =
              i < s.length() - 1
                  && (Character.isLetterOrDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '#');
          sb.append(entity ? "\\&" : "&");
        }
        default -> sb.append(c);
      }
    }
    return escapeBlockStart(sb.toString());
  }

  /** True when {@link #text} would change a character of {@code s} (before the block start). */
  private static boolean needsBackslashes(String s) {
    for (int i = 0; i < s.length(); i++) {
      switch (s.charAt(i)) {
        case '\\', '`', '*', '[', ']', '<', '|', '~', '$', '#', '_', '&' -> {
          return true;
        }
        default -> {
          // kept as it is
        }
      }
    }
    return false;
  }

  /** A code span for names; falls back to {@link #text} when a span could not hold the value. */
  public static String code(String value) {
    String s = oneLine(value);
    if (s.isEmpty() || !s.equals(value) || s.indexOf('`') >= 0 || s.indexOf('|') >= 0) {
      return text(value);
    }
    return "`" + s + "`";
  }

  /** Line breaks and other control characters become spaces; leading and trailing space goes. */
  static String oneLine(String value) {
    int first = 0;
    while (first < value.length() && !breaksLine(value.charAt(first))) {
      first++;
    }
    if (first == value.length()) {
      // the usual name or sentence: nothing to replace, no copy (strip copies only when it strips)
      return value.strip();
    }
    StringBuilder sb = new StringBuilder(value.length()).append(value, 0, first);
    for (int i = first; i < value.length(); i++) {
      char c = value.charAt(i);
      sb.append(breaksLine(c) ? ' ' : c);
    }
    return sb.toString().strip();
  }

  private static boolean breaksLine(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
  }

  /**
   * A leading -, +, = or "1." / "1)" would start a list, rule or heading underline, a leading &gt;
   * a quote; elsewhere &gt; is plain text because &lt; is always escaped.
   */
  private static String escapeBlockStart(String s) {
    if (s.isEmpty()) {
      return s;
    }
    char first = s.charAt(0);
    if (first == '-' || first == '+' || first == '=' || first == '>') {
      return "\\" + s;
    }
    int digits = 0;
    while (digits < s.length() && digits < 10 && Character.isDigit(s.charAt(digits))) {
      digits++;
    }
    if (digits > 0 && digits < s.length() && (s.charAt(digits) == '.' || s.charAt(digits) == ')')) {
      return s.substring(0, digits) + "\\" + s.substring(digits);
    }
    return s;
  }
}
