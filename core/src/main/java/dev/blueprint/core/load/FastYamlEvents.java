package dev.blueprint.core.load;

import java.util.Arrays;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;

/**
 * SnakeYAML's events for the block YAML blueprint files are written in, without SnakeYAML's scanner
 * and parser: the same event classes, values, styles and marks (index, line, column) that {@code
 * ParserImpl} gives, for about a fifth of its CPU time. It reads one content line at a time and
 * <em>declines</em> ({@link #next()} answers null) at the first thing outside its subset, so that
 * the caller can let SnakeYAML read the text instead (see {@link YamlEventSource}).
 *
 * <p>The subset: one implicit document whose root is a block mapping or block sequence; block
 * mappings with plain one-line keys; block sequences, indented, indentless ({@code key:} then
 * {@code - item} at the key's column) and compact ({@code - key: value} then {@code key2: value}
 * under the first key); plain scalars over several lines (folded), double-quoted scalars with
 * escapes, folding and {@code \}-continued lines, single-quoted scalars, literal and folded block
 * scalars without an indentation digit, empty values, comments and blank lines. Everything else
 * declines: flow collections, anchors, aliases, tags, directives, document markers, {@code ?} keys,
 * quoted keys, a value on the line after its key, continuation lines starting with an indicator,
 * and every construct SnakeYAML rejects. {@link YamlText} declines unusual characters for the whole
 * text first.
 *
 * <p>Errors stay SnakeYAML's: an event is handed out only once the {@value #HOLD} content lines
 * after the line it was made on have been read without declining. SnakeYAML's scanner looks ahead
 * at most to the first token of the next content line (to tell a simple key), so an event held back
 * here is one SnakeYAML could still have failed on; when this reading declines, the caller lets
 * SnakeYAML produce every held event again, and SnakeYAML throws where it would have alone. (The
 * mutation tests fail with no line held back and pass with one; two leave a margin.)
 */
final class FastYamlEvents {
  /** Content lines read past an event's own line before the event is handed out. */
  static final int HOLD = 2;

  private static final ImplicitTuple PLAIN = new ImplicitTuple(true, false);
  private static final ImplicitTuple QUOTED = new ImplicitTuple(false, true);

  /** The kinds of open block collections. */
  private static final byte MAP = 0;

  private static final byte SEQ = 1;

  /** A sequence whose dashes stand at its parent key's column (SnakeYAML's indentless one). */
  private static final byte INDENTLESS = 2;

  /** What the previous line left open: nothing, a key without value, a dash without item. */
  private static final int NONE = 0;

  private static final int AFTER_KEY = 1;
  private static final int AFTER_DASH = 2;

  /** Longest key accepted: SnakeYAML drops a simple key longer than 1,024 code points. */
  private static final int MAX_KEY = 1000;

  private final YamlText text;
  private final String s;
  private final int n;

  /** Reading position; always the start of a line between steps. */
  private int pos;

  private int line;
  private int lineStart;

  /** The open block collections, innermost last, with their columns. */
  private byte[] kinds = new byte[16];

  private int[] cols = new int[16];
  private int depth;

  private int pending = NONE;
  private Mark pendingMark;

  /** Events made and not yet handed out, with the content line each was made on. */
  private Event[] ring = new Event[256];

  private int[] tags = new int[256];
  private int head;
  private int tail;

  /** Content lines read completely so far; also the number of the line being read. */
  private int lines;

  private boolean started;
  private boolean finished;
  private boolean declined;
  private int declinedAt = -1;

  FastYamlEvents(YamlText text) {
    this.text = text;
    this.s = text.s;
    this.n = text.length;
  }

  /**
   * The next event SnakeYAML would give, or null when this reading declines: from then on it gives
   * no event, and the events it held back were never handed out. After the stream end event it
   * answers null too.
   */
  Event next() {
    while (true) {
      if (head != tail) {
        int i = head & (ring.length - 1);
        if (finished || tags[i] + HOLD < lines) {
          Event e = ring[i];
          ring[i] = null;
          head++;
          return e;
        }
      }
      if (finished || declined) {
        return null;
      }
      if (!step()) {
        declined = true;
        declinedAt = pos;
        head = tail;
        Arrays.fill(ring, null);
        return null;
      }
    }
  }

  /** Where the reading declined (a char position near the reason), or -1. */
  int declinedAt() {
    return declinedAt;
  }

  // ---------------------------------------------------------------- lines and collections

  /** Reads the next content line, or the end of the text; false to decline. */
  private boolean step() {
    int c = skipToContent();
    if (c < 0) {
      return finish();
    }
    boolean dash = isDash(pos);
    Mark m = mark(pos);
    if (!started) {
      started = true;
      emit(new StreamStartEvent(mark(0, 0, 0), mark(0, 0, 0)));
      emit(new DocumentStartEvent(m, m, false, null, null));
      return open(dash, c, m);
    }
    if (pending != NONE) {
      int top = cols[depth - 1];
      if (c > top) {
        // the key's value or the dash's item is a collection on the lines below
        pending = NONE;
        return open(dash, c, m);
      }
      if (pending == AFTER_KEY && c == top && dash) {
        // key:
        // - item        an indentless sequence: starts at the dash, ends after it
        pending = NONE;
        emit(new SequenceStartEvent(null, null, true, m, mark(pos + 1), FlowStyle.BLOCK));
        push(INDENTLESS, c);
        return item();
      }
      // nothing below: an empty (null) value, marked where the ':' or '-' ends
      emit(new ScalarEvent(null, null, PLAIN, "", pendingMark, pendingMark, ScalarStyle.PLAIN));
      pending = NONE;
    }
    // a smaller indentation ends the collections deeper than it, all marked at this line's first
    // token (SnakeYAML's block end tokens); an indentless sequence ends at its parent's next key
    while (depth > 0 && cols[depth - 1] > c) {
      close(m);
    }
    if (depth > 0 && kinds[depth - 1] == INDENTLESS && cols[depth - 1] == c && !dash) {
      close(m);
    }
    if (depth == 0 || cols[depth - 1] != c) {
      return false; // more indented than any open collection, or below the root
    }
    if (kinds[depth - 1] == MAP) {
      return !dash && entry(pos);
    }
    return dash && item();
  }

  /** Opens a block mapping or sequence at this line's first token. */
  private boolean open(boolean dash, int c, Mark m) {
    if (dash) {
      emit(new SequenceStartEvent(null, null, true, m, m, FlowStyle.BLOCK));
      push(SEQ, c);
      return item();
    }
    emit(new MappingStartEvent(null, null, true, m, m, FlowStyle.BLOCK));
    push(MAP, c);
    return entry(pos);
  }

  private void push(byte kind, int col) {
    if (depth == kinds.length) {
      kinds = Arrays.copyOf(kinds, depth * 2);
      cols = Arrays.copyOf(cols, depth * 2);
    }
    kinds[depth] = kind;
    cols[depth++] = col;
  }

  private void close(Mark m) {
    depth--;
    emit(kinds[depth] == MAP ? new MappingEndEvent(m, m) : new SequenceEndEvent(m, m));
  }

  /** The end of the text: what is open closes there; no content at all declines. */
  private boolean finish() {
    if (!started) {
      return false;
    }
    Mark m = mark(n);
    if (pending != NONE) {
      emit(new ScalarEvent(null, null, PLAIN, "", pendingMark, pendingMark, ScalarStyle.PLAIN));
      pending = NONE;
    }
    while (depth > 0) {
      close(m);
    }
    emit(new DocumentEndEvent(m, m, false));
    emit(new StreamEndEvent(m, m));
    finished = true;
    return true;
  }

  /**
   * A mapping entry {@code key: value} whose key starts at {@code k} (the line's first token, or
   * the first after a dash). The key is a plain scalar ending at ': ' or ':' at the end of the
   * line.
   */
  private boolean entry(int k) {
    int colon = keyColon(k);
    if (colon < 0) {
      return false;
    }
    int end = trimEnd(k, colon);
    emit(
        new ScalarEvent(
            null, null, PLAIN, s.substring(k, end), mark(k), mark(end), ScalarStyle.PLAIN));
    int v = skipSpaces(colon + 1);
    if (v == n || s.charAt(v) == '\n' || s.charAt(v) == '#') {
      pending = AFTER_KEY;
      pendingMark = mark(colon + 1);
      return endLine(v);
    }
    return value(v, cols[depth - 1] + 1);
  }

  /** A sequence item: the line's first token is a dash followed by a space or the line's end. */
  private boolean item() {
    int dashEnd = pos + 1;
    int v = skipSpaces(dashEnd);
    if (v == n || s.charAt(v) == '\n' || s.charAt(v) == '#') {
      pending = AFTER_DASH;
      pendingMark = mark(dashEnd);
      return endLine(v);
    }
    char c = s.charAt(v);
    if (c == '"' || c == '\'' || c == '|' || c == '>') {
      return value(v, cols[depth - 1] + 1);
    }
    if (!plainStart(v) || isDash(v)) {
      return false;
    }
    if (keyColon(v) >= 0) {
      // - key: value     a compact mapping at the key's column
      Mark m = mark(v);
      emit(new MappingStartEvent(null, null, true, m, m, FlowStyle.BLOCK));
      push(MAP, v - lineStart);
      return entry(v);
    }
    return value(v, cols[depth - 1] + 1);
  }

  /**
   * A value starting at {@code v} on the current line; {@code indent} is the column a plain
   * scalar's continuation lines must reach (one more than the innermost collection's, as
   * SnakeYAML's scanner requires).
   */
  private boolean value(int v, int indent) {
    char c = s.charAt(v);
    if (c == '"' || c == '\'') {
      return quoted(v, c == '"', indent);
    }
    if (c == '|' || c == '>') {
      return block(v, c == '>', indent);
    }
    return plainStart(v) && plain(v, indent);
  }

  // ---------------------------------------------------------------- scalars

  /**
   * A plain scalar from {@code v}: the rest of the line up to a comment (' #'), and the lines below
   * indented at least {@code indent}, folded (one line break becomes a space, each further one a
   * line break). ': ' declines: SnakeYAML rejects it in a value.
   */
  private boolean plain(int v, int indent) {
    Mark start = mark(v);
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
          emitPlain(s.substring(v, last + 1), start, last + 1);
          return endLine(i);
        }
      } else if (c == ':' && (i + 1 == n || s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\n')) {
        return false;
      } else {
        last = i;
      }
      i++;
    }
    if (!continues(i, indent)) {
      emitPlain(s.substring(v, last + 1), start, last + 1);
      return endLine(i);
    }
    // folded over more lines: the end mark is on the last line with text
    StringBuilder b = new StringBuilder(128).append(s, v, last + 1);
    int end;
    Mark endMark;
    while (true) {
      // i is at the line break ending a line with text, and the scalar continues below
      int breaks = 0;
      int j = i + 1;
      line++;
      lineStart = j;
      while (true) {
        int k = skipSpaces(j);
        if (s.charAt(k) == '\n') {
          breaks++;
          j = k + 1;
          line++;
          lineStart = j;
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
          return false;
        } else {
          last = i;
        }
        i++;
      }
      b.append(s, from, last + 1);
      if (comment || !continues(i, indent)) {
        end = last + 1;
        endMark = mark(end);
        break;
      }
    }
    emit(new ScalarEvent(null, null, PLAIN, b.toString(), start, endMark, ScalarStyle.PLAIN));
    return endLine(end);
  }

  private void emitPlain(String value, Mark start, int end) {
    emit(new ScalarEvent(null, null, PLAIN, value, start, mark(end), ScalarStyle.PLAIN));
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
      int k = skipSpaces(j);
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
      if (INDICATORS.indexOf(c) >= 0) {
        // SnakeYAML would fold it in as text; declined by making the scalar end here and the
        // line then failing as a line of its own (deeper than any collection)
        return false;
      }
      return true;
    }
  }

  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

  /**
   * A single- or double-quoted scalar from the quote at {@code q}. Line breaks fold as in plain
   * scalars (spaces around them dropped); in double quotes, escapes are decoded and a backslash at
   * the end of a line joins the lines without a space. Continuation lines indented less than {@code
   * indent} decline (SnakeYAML takes them; blueprint writers never write them).
   */
  private boolean quoted(int q, boolean dq, int indent) {
    char quote = dq ? '"' : '\'';
    Mark start = mark(q);
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
          return false; // unterminated
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
            return false;
          }
          char e = s.charAt(i + 1);
          if (e == '\n') {
            // an escaped line break: the lines join without a space; blank lines below stay
            i = i + 2;
            line++;
            lineStart = i;
            i = breaks(i, b);
            if (i < 0 || i - lineStart < indent) {
              return false;
            }
            continue;
          }
          int hex = e == 'x' ? 2 : e == 'u' ? 4 : 0;
          if (hex > 0) {
            if (i + 2 + hex > n) {
              return false;
            }
            int code = 0;
            for (int h = i + 2; h < i + 2 + hex; h++) {
              int d = Character.digit(s.charAt(h), 16);
              if (d < 0 || s.charAt(h) > 'f') {
                return false;
              }
              code = code * 16 + d;
            }
            b.append((char) code);
            i += 2 + hex;
            continue;
          }
          String r = escape(e);
          if (r == null) {
            return false;
          }
          b.append(r);
          i += 2;
          continue;
        }
        if (c == ' ' || c == '\n') {
          int k = skipSpaces(i);
          if (k == n) {
            return false;
          }
          if (s.charAt(k) != '\n') {
            b.append(s, i, k); // spaces inside a line stay
            i = k;
            continue;
          }
          // a line break, with the spaces before it: folds to a space, or to the blank lines
          i = k + 1;
          line++;
          lineStart = i;
          int len = b.length();
          i = breaks(i, b);
          if (i < 0 || i - lineStart < indent) {
            return false;
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
    Mark end = mark(i);
    emit(
        new ScalarEvent(
            null,
            null,
            QUOTED,
            value,
            start,
            end,
            dq ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.SINGLE_QUOTED));
    // after the closing quote: the line's end or a comment, after at least one space
    if (i == n || s.charAt(i) == '\n') {
      return endLine(i);
    }
    if (s.charAt(i) != ' ') {
      return false;
    }
    int k = skipSpaces(i);
    if (k < n && s.charAt(k) != '\n' && s.charAt(k) != '#') {
      return false;
    }
    return endLine(k);
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
  private boolean block(int h, boolean folded, int minIndent) {
    Mark start = mark(h);
    int p = h + 1;
    int chomp = 0; // 0: one final line break, -1: none, 1: every trailing one
    if (p < n && (s.charAt(p) == '-' || s.charAt(p) == '+')) {
      chomp = s.charAt(p) == '+' ? 1 : -1;
      p++;
    }
    if (p < n && s.charAt(p) != ' ' && s.charAt(p) != '\n') {
      return false; // an indentation digit, or what SnakeYAML rejects
    }
    p = skipSpaces(p);
    if (p < n && s.charAt(p) == '#') {
      p = s.indexOf('\n', p);
      p = p < 0 ? n : p;
    }
    if (p < n && s.charAt(p) != '\n') {
      return false;
    }
    if (p < n) {
      p++;
      line++;
      lineStart = p;
    }
    // the indentation: blank lines and the spaces before the first content
    Mark end = mark(p);
    int breaks = 0;
    int maxIndent = 0;
    while (p < n && (s.charAt(p) == ' ' || s.charAt(p) == '\n')) {
      if (s.charAt(p) == '\n') {
        breaks++;
        p++;
        line++;
        lineStart = p;
        end = mark(p);
      } else {
        p++;
        maxIndent = Math.max(maxIndent, p - lineStart);
      }
    }
    int indent = Math.max(minIndent, maxIndent);
    StringBuilder b = new StringBuilder();
    boolean lineBreak = false;
    while (p < n && p - lineStart == indent) {
      appendBreaks(b, breaks);
      boolean leadingNonSpace = s.charAt(p) != ' ';
      int e = s.indexOf('\n', p);
      e = e < 0 ? n : e;
      b.append(s, p, e); // the line as it is, trailing spaces and '#' included
      p = e;
      lineBreak = p < n;
      if (lineBreak) {
        p++;
        line++;
        lineStart = p;
      }
      // the breaks after it: spaces up to the indentation, blank lines
      end = mark(p);
      breaks = 0;
      p = skipIndent(p, indent);
      while (p < n && s.charAt(p) == '\n') {
        breaks++;
        p++;
        line++;
        lineStart = p;
        end = mark(p);
        p = skipIndent(p, indent);
      }
      if (p < n && p - lineStart == indent) {
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
    emit(
        new ScalarEvent(
            null,
            null,
            QUOTED,
            b.toString(),
            start,
            end,
            folded ? ScalarStyle.FOLDED : ScalarStyle.LITERAL));
    // the next token starts on this line (less indented) or at the end of the text
    pos = p == n ? n : lineStart;
    lines++;
    return true;
  }

  private int skipIndent(int p, int indent) {
    while (p < n && p - lineStart < indent && s.charAt(p) == ' ') {
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
      int k = skipSpaces(i);
      if (k == n) {
        return -1;
      }
      if (s.charAt(k) != '\n') {
        return k;
      }
      b.append('\n');
      i = k + 1;
      line++;
      lineStart = i;
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

  // ---------------------------------------------------------------- chars

  /**
   * The ':' ending a one-line plain key starting at {@code k} (followed by a space or the line's
   * end), or -1 when there is none before the line's end or a comment, or the key is too long.
   */
  private int keyColon(int k) {
    if (!plainStart(k)) {
      return -1;
    }
    for (int i = k; i < n && i - k <= MAX_KEY; i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        return -1;
      }
      if (c == ':') {
        if (i + 1 == n || s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\n') {
          return i;
        }
      } else if (c == ' ' && i + 1 < n && s.charAt(i + 1) == '#') {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Whether a plain scalar may start at {@code i}: not at an indicator character, except a dash
   * followed by a non-space ({@code -5}). {@code ?x} and {@code :x} are plain too in YAML, but
   * rare: declined.
   */
  private boolean plainStart(int i) {
    char c = s.charAt(i);
    if (c == '-') {
      return i + 1 < n && s.charAt(i + 1) != ' ' && s.charAt(i + 1) != '\n';
    }
    return c != ' ' && c != '\n' && INDICATORS.indexOf(c) < 0;
  }

  /** A block entry: a dash followed by a space or the line's end. */
  private boolean isDash(int i) {
    return s.charAt(i) == '-' && (i + 1 == n || s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\n');
  }

  private int trimEnd(int from, int to) {
    while (to > from && s.charAt(to - 1) == ' ') {
      to--;
    }
    return to;
  }

  private int skipSpaces(int i) {
    while (i < n && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /**
   * Skips blank and comment lines from the line start {@code pos}; the column of the next content
   * line's first char (pos then at it), or -1 at the end of the text.
   */
  private int skipToContent() {
    int i = pos;
    while (true) {
      int k = skipSpaces(i);
      if (k == n) {
        pos = n;
        return -1;
      }
      char c = s.charAt(k);
      if (c == '#') {
        k = s.indexOf('\n', k);
        if (k < 0) {
          pos = n;
          return -1;
        }
        c = '\n';
      }
      if (c == '\n') {
        i = k + 1;
        line++;
        lineStart = i;
        continue;
      }
      pos = k;
      return k - lineStart;
    }
  }

  /**
   * Finishes the current content line at {@code i} (its text read; what remains is spaces and a
   * comment) and moves to the next line.
   */
  private boolean endLine(int i) {
    int k = skipSpaces(i);
    if (k < n && s.charAt(k) == '#') {
      k = s.indexOf('\n', k);
      if (k < 0) {
        k = n;
      }
    }
    if (k < n && s.charAt(k) != '\n') {
      return false;
    }
    if (k == n) {
      pos = n;
    } else {
      pos = k + 1;
      line++;
      lineStart = pos;
    }
    lines++;
    return true;
  }

  private Mark mark(int p) {
    return text.mark(p, line, lineStart);
  }

  private Mark mark(int p, int atLine, int atLineStart) {
    return text.mark(p, atLine, atLineStart);
  }

  private void emit(Event e) {
    if (tail - head == ring.length) {
      Event[] r = new Event[ring.length * 2];
      int[] t = new int[ring.length * 2];
      for (int k = head; k < tail; k++) {
        r[k & (r.length - 1)] = ring[k & (ring.length - 1)];
        t[k & (r.length - 1)] = tags[k & (ring.length - 1)];
      }
      ring = r;
      tags = t;
    }
    int i = tail & (ring.length - 1);
    ring[i] = e;
    tags[i] = lines;
    tail++;
  }
}
