package dev.blueprint.core.load;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * The scalars of {@link FastYamlEvents}: plain, single- and double-quoted, literal and folded block
 * scalars, read as SnakeYAML's scanner reads them, into the {@link ScalarEvent} its parser makes of
 * them. Each method answers null to decline; otherwise the cursor's position is where the rest of
 * the scalar's last line starts (spaces, a comment, the line's end), or for a block scalar the
 * start of the next line.
 */
final class FastYamlScalars {
  static final ImplicitTuple PLAIN = new ImplicitTuple(true, false);
  static final ImplicitTuple QUOTED = new ImplicitTuple(false, true);

  private final YamlCursor cur;
  private final String s;
  private final int n;

  FastYamlScalars(YamlCursor cur) {
    this.cur = cur;
    this.s = cur.s;
    this.n = cur.n;
  }

  /**
   * A plain scalar from {@code v}: the rest of the line up to a comment (' #'), and the lines below
   * indented at least {@code indent}, folded (one line break becomes a space, each further one a
   * line break). ': ' declines: SnakeYAML rejects it in a value.
   */
  ScalarEvent plain(int v, int indent) {
    Mark start = cur.mark(v);
    int i = v;
    int last = -1; // the last non-space char
    while (true) {
      if (i == n) {
        break;
      }
      char c = s.charAt(i);
      if (c == '\n') {
        break;
      }
      if (c == ' ') {
        if (i + 1 < n && s.charAt(i + 1) == '#') {
          // a comment ends the scalar and the line
          cur.pos = i;
          return plainEvent(s.substring(v, last + 1), start, last + 1);
        }
      } else if (c == ':' && (i + 1 == n || s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\n')) {
        return null;
      } else {
        last = i;
      }
      i++;
    }
    if (!continues(i, indent)) {
      cur.pos = i;
      return plainEvent(s.substring(v, last + 1), start, last + 1);
    }
    // folded over more lines: the end mark is on the last line with text
    StringBuilder b = new StringBuilder(128).append(s, v, last + 1);
    int end;
    Mark endMark;
    while (true) {
      // i is at the line break ending a line with text, and the scalar continues below
      int breaks = 0;
      int j = i + 1;
      cur.line++;
      cur.lineStart = j;
      while (true) {
        int k = cur.skipSpaces(j);
        if (s.charAt(k) == '\n') {
          breaks++;
          j = k + 1;
          cur.line++;
          cur.lineStart = j;
        } else {
          j = k;
          break;
        }
      }
      if (breaks == 0) {
        b.append(' ');
      } else {
        for (int r = 0; r < breaks; r++) {
          b.append('\n');
        }
      }
      // j is at the continuation's first char
      int from = j;
      last = -1;
      boolean comment = false;
      i = j;
      while (i < n) {
        char c = s.charAt(i);
        if (c == '\n') {
          break;
        }
        if (c == ' ') {
          if (i + 1 < n && s.charAt(i + 1) == '#') {
            comment = true;
            break;
          }
        } else if (c == ':' && (i + 1 == n || s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\n')) {
          return null;
        } else {
          last = i;
        }
        i++;
      }
      b.append(s, from, last + 1);
      if (comment || !continues(i, indent)) {
        end = last + 1;
        endMark = cur.mark(end);
        break;
      }
    }
    cur.pos = end;
    return new ScalarEvent(null, null, PLAIN, b.toString(), start, endMark, ScalarStyle.PLAIN);
  }

  private ScalarEvent plainEvent(String value, Mark start, int end) {
    return new ScalarEvent(null, null, PLAIN, value, start, cur.mark(end), ScalarStyle.PLAIN);
  }

  /**
   * Whether the plain scalar whose line ends at {@code i} goes on below: the next line with text is
   * indented at least {@code indent} and is no comment. A continuation starting with an indicator
   * character ({@code - [ ] { } & * ! | > ' " % @ `} and so on) declines later: it is rare and easy
   * to misread, so it is left to SnakeYAML (see {@link #plain}).
   */
  private boolean continues(int i, int indent) {
    if (i == n) {
      return false;
    }
    int j = i + 1;
    while (true) {
      int k = cur.skipSpaces(j);
      if (k == n) {
        return false;
      }
      char c = s.charAt(k);
      if (c == '\n') {
        j = k + 1;
        continue;
      }
      if (c == '#' || k - j < indent) {
        return false;
      }
      if (YamlCursor.INDICATORS.indexOf(c) >= 0) {
        // SnakeYAML would fold it in as text; declined by making the scalar end here and the
        // line then failing as a line of its own (deeper than any collection)
        return false;
      }
      return true;
    }
  }

  /**
   * A plain scalar inside a one-line flow collection, from {@code v}: it ends before {@code , ? [ ]
   * { }} and before a ':' followed by a space or one of those (SnakeYAML's flow context rules);
   * spaces inside stay, spaces after go. A line break or a comment inside declines. The cursor's
   * position is then the char that ended it (after any spaces).
   */
  ScalarEvent flowPlain(int v) {
    Mark start = cur.mark(v);
    int i = v;
    int last = -1;
    while (true) {
      if (i == n) {
        return null;
      }
      char c = s.charAt(i);
      if (c == '\n') {
        return null;
      }
      if (c == ' ') {
        if (i + 1 < n && s.charAt(i + 1) == '#') {
          return null;
        }
      } else if (",?[]{}".indexOf(c) >= 0
          || c == ':' && (i + 1 == n || " \n,[]{}".indexOf(s.charAt(i + 1)) >= 0)) {
        break;
      } else {
        last = i;
      }
      i++;
    }
    if (last < 0) {
      return null;
    }
    cur.pos = i;
    return plainEvent(s.substring(v, last + 1), start, last + 1);
  }

  /**
   * A single- or double-quoted scalar from the quote at {@code q}. Line breaks fold as in plain
   * scalars (spaces around them dropped); in double quotes, escapes are decoded and a backslash at
   * the end of a line joins the lines without a space. Continuation lines indented less than {@code
   * indent} decline (SnakeYAML takes them; blueprint writers never write them). In block context
   * only a space or the line's end may follow the closing quote; in a flow collection ({@code
   * inFlow}) the scalar must end on its line, and anything may follow (the caller checks).
   */
  ScalarEvent quoted(int q, boolean dq, int indent, boolean inFlow) {
    int startLine = cur.line;
    char quote = dq ? '"' : '\'';
    Mark start = cur.mark(q);
    int i = q + 1;
    // the common case: one line, nothing to decode
    int plainEnd = i;
    while (plainEnd < n) {
      char c = s.charAt(plainEnd);
      if (c == quote
          || c == '\\'
          || c == '\n'
          || c == '\''
          || c == ' ' && plainEnd + 1 < n && s.charAt(plainEnd + 1) == '\n') {
        break;
      }
      plainEnd++;
    }
    StringBuilder b = null;
    String value;
    if (plainEnd < n
        && s.charAt(plainEnd) == quote
        && (dq || plainEnd + 1 == n || s.charAt(plainEnd + 1) != '\'')) {
      value = s.substring(i, plainEnd);
      i = plainEnd + 1;
    } else {
      // the slow path takes a run of spaces from its start (spaces before a line break go)
      while (plainEnd > i && s.charAt(plainEnd - 1) == ' ') {
        plainEnd--;
      }
      b = new StringBuilder(Math.max(16, plainEnd - i + 64)).append(s, i, plainEnd);
      i = plainEnd;
      while (true) {
        if (i == n) {
          return null; // unterminated
        }
        char c = s.charAt(i);
        if (c == quote) {
          if (!dq && i + 1 < n && s.charAt(i + 1) == '\'') {
            b.append('\'');
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c == '\\' && dq) {
          if (i + 1 == n) {
            return null;
          }
          char e = s.charAt(i + 1);
          if (e == '\n') {
            // an escaped line break: the lines join without a space; blank lines below stay
            i = i + 2;
            cur.line++;
            cur.lineStart = i;
            i = breaks(i, b);
            if (i < 0 || i - cur.lineStart < indent) {
              return null;
            }
            continue;
          }
          int hex = e == 'x' ? 2 : e == 'u' ? 4 : 0;
          if (hex > 0) {
            if (i + 2 + hex > n) {
              return null;
            }
            int code = 0;
            for (int h = i + 2; h < i + 2 + hex; h++) {
              int d = Character.digit(s.charAt(h), 16);
              if (d < 0 || s.charAt(h) > 'f') {
                return null;
              }
              code = code * 16 + d;
            }
            b.append((char) code);
            i += 2 + hex;
            continue;
          }
          String r = escape(e);
          if (r == null) {
            return null;
          }
          b.append(r);
          i += 2;
          continue;
        }
        if (c == ' ' || c == '\n') {
          int k = cur.skipSpaces(i);
          if (k == n) {
            return null;
          }
          if (s.charAt(k) != '\n') {
            b.append(s, i, k); // spaces inside a line stay
            i = k;
            continue;
          }
          // a line break, with the spaces before it: folds to a space, or to the blank lines
          i = k + 1;
          cur.line++;
          cur.lineStart = i;
          int len = b.length();
          i = breaks(i, b);
          if (i < 0 || i - cur.lineStart < indent) {
            return null;
          }
          if (b.length() == len) {
            b.append(' ');
          }
          continue;
        }
        b.append(c);
        i++;
      }
      value = b.toString();
    }
    Mark end = cur.mark(i);
    // after the closing quote: the line's end, or spaces (and a comment: see the caller)
    if (inFlow ? cur.line != startLine : i < n && s.charAt(i) != ' ' && s.charAt(i) != '\n') {
      return null;
    }
    cur.pos = i;
    return new ScalarEvent(
        null,
        null,
        QUOTED,
        value,
        start,
        end,
        dq ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.SINGLE_QUOTED);
  }

  /**
   * A literal ({@code |}) or folded ({@code >}) block scalar from its indicator at {@code h}, with
   * an optional chomping indicator ({@code -} strips the final line break, {@code +} keeps the
   * trailing blank lines, none keeps one line break); an indentation digit declines. As SnakeYAML
   * reads it: the content's indentation is the deepest run of spaces before the first non-blank
   * line, at least {@code minIndent}; the scalar ends at the first line indented less (or the end
   * of the text); in a folded scalar a line break between two lines that start at the indentation
   * becomes a space (or the blank lines between them), around a more indented line it stays. The
   * end mark is the start of the line after the last line break read.
   */
  ScalarEvent block(int h, boolean folded, int minIndent) {
    Mark start = cur.mark(h);
    int p = h + 1;
    int chomp = 0; // 0: one final line break, -1: none, 1: every trailing one
    if (p < n && (s.charAt(p) == '-' || s.charAt(p) == '+')) {
      chomp = s.charAt(p) == '+' ? 1 : -1;
      p++;
    }
    if (p < n && s.charAt(p) != ' ' && s.charAt(p) != '\n') {
      return null; // an indentation digit, or what SnakeYAML rejects
    }
    p = cur.skipSpaces(p);
    if (p < n && s.charAt(p) == '#') {
      p = s.indexOf('\n', p);
      p = p < 0 ? n : p;
    }
    if (p < n && s.charAt(p) != '\n') {
      return null;
    }
    if (p < n) {
      p++;
      cur.line++;
      cur.lineStart = p;
    }
    // the indentation: blank lines and the spaces before the first content
    Mark end = cur.mark(p);
    int breaks = 0;
    int maxIndent = 0;
    while (p < n && (s.charAt(p) == ' ' || s.charAt(p) == '\n')) {
      if (s.charAt(p) == '\n') {
        breaks++;
        p++;
        cur.line++;
        cur.lineStart = p;
        end = cur.mark(p);
      } else {
        p++;
        maxIndent = Math.max(maxIndent, p - cur.lineStart);
      }
    }
    int indent = Math.max(minIndent, maxIndent);
    StringBuilder b = new StringBuilder();
    boolean lineBreak = false;
    while (p < n && p - cur.lineStart == indent) {
      appendBreaks(b, breaks);
      boolean leadingNonSpace = s.charAt(p) != ' ';
      int e = s.indexOf('\n', p);
      e = e < 0 ? n : e;
      b.append(s, p, e); // the line as it is, trailing spaces and '#' included
      p = e;
      lineBreak = p < n;
      if (lineBreak) {
        p++;
        cur.line++;
        cur.lineStart = p;
      }
      // the breaks after it: spaces up to the indentation, blank lines
      end = cur.mark(p);
      breaks = 0;
      p = skipIndent(p, indent);
      while (p < n && s.charAt(p) == '\n') {
        breaks++;
        p++;
        cur.line++;
        cur.lineStart = p;
        end = cur.mark(p);
        p = skipIndent(p, indent);
      }
      if (p < n && p - cur.lineStart == indent) {
        if (folded && lineBreak && leadingNonSpace && s.charAt(p) != ' ') {
          if (breaks == 0) {
            b.append(' ');
          }
        } else if (lineBreak) {
          b.append('\n');
        }
      } else {
        break;
      }
    }
    if (chomp >= 0 && lineBreak) {
      b.append('\n');
    }
    if (chomp > 0) {
      appendBreaks(b, breaks);
    }
    // the next token starts on this line (less indented) or at the end of the text
    cur.pos = p == n ? n : cur.lineStart;
    return new ScalarEvent(
        null,
        null,
        QUOTED,
        b.toString(),
        start,
        end,
        folded ? ScalarStyle.FOLDED : ScalarStyle.LITERAL);
  }

  private int skipIndent(int p, int indent) {
    while (p < n && p - cur.lineStart < indent && s.charAt(p) == ' ') {
      p++;
    }
    return p;
  }

  private static void appendBreaks(StringBuilder b, int count) {
    for (int i = 0; i < count; i++) {
      b.append('\n');
    }
  }

  /**
   * Skips the spaces at the start of the line at {@code i} and any blank lines below, appending a
   * line break to {@code b} for each blank line; the position of the first other char, or -1 at the
   * end of the text (an unterminated quote).
   */
  private int breaks(int i, StringBuilder b) {
    while (true) {
      int k = cur.skipSpaces(i);
      if (k == n) {
        return -1;
      }
      if (s.charAt(k) != '\n') {
        return k;
      }
      b.append('\n');
      i = k + 1;
      cur.line++;
      cur.lineStart = i;
    }
  }

  /** The one-char escapes of double-quoted YAML (as SnakeYAML decodes them), or null. */
  private static String escape(char e) {
    return switch (e) {
      case '0' -> "\0";
      case 'a' -> "\u0007";
      case 'b' -> "\b";
      case 't' -> "\t";
      case 'n' -> "\n";
      case 'v' -> "\u000B";
      case 'f' -> "\f";
      case 'r' -> "\r";
      case 'e' -> "\u001B";
      case ' ' -> " ";
      case '"' -> "\"";
      case '\\' -> "\\";
      case 'N' -> "\u0085";
      case '_' -> "\u00A0";
      case 'L' -> "\u2028";
      case 'P' -> "\u2029";
      default -> null;
    };
  }
}
