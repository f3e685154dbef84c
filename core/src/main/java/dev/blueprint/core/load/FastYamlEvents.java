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
 * scalars without an indentation digit, empty values, flow collections of scalars on one line
 * ({@code [a, b]}, {@code {k: v}}, {@code []}), comments and blank lines. Everything else declines:
 * other flow collections, anchors, aliases, tags, directives, document markers, {@code ?} keys,
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

  private static final ImplicitTuple PLAIN = FastYamlScalars.PLAIN;

  /** The kinds of open block collections. */
  private static final byte MAP = 0;

  private static final byte SEQ = 1;

  /** A sequence whose dashes stand at its parent key's column (SnakeYAML's indentless one). */
  private static final byte INDENTLESS = 2;

  /** What the previous line left open: nothing, a key without value, a dash without item. */
  private static final int NONE = 0;

  private static final int AFTER_KEY = 1;
  private static final int AFTER_DASH = 2;

  private final YamlText text;
  private final String s;
  private final int n;
  private final YamlCursor cur;
  private final FastYamlScalars scalars;

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
    this.cur = new YamlCursor(text);
    this.scalars = new FastYamlScalars(cur);
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
        declinedAt = cur.pos;
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
    int c = cur.skipToContent();
    if (c < 0) {
      return finish();
    }
    boolean dash = cur.isDash(cur.pos);
    Mark m = cur.mark(cur.pos);
    if (!started) {
      started = true;
      emit(new StreamStartEvent(text.mark(0, 0, 0), text.mark(0, 0, 0)));
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
        emit(new SequenceStartEvent(null, null, true, m, cur.mark(cur.pos + 1), FlowStyle.BLOCK));
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
      return !dash && entry(cur.pos);
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
    return entry(cur.pos);
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
    Mark m = cur.mark(n);
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
    int colon = cur.keyColon(k);
    if (colon < 0) {
      return false;
    }
    int end = cur.trimEnd(k, colon);
    emit(
        new ScalarEvent(
            null, null, PLAIN, s.substring(k, end), cur.mark(k), cur.mark(end), ScalarStyle.PLAIN));
    int v = cur.skipSpaces(colon + 1);
    if (v == n || s.charAt(v) == '\n' || s.charAt(v) == '#') {
      pending = AFTER_KEY;
      pendingMark = cur.mark(colon + 1);
      return endLine(v);
    }
    return value(v, cols[depth - 1] + 1);
  }

  /** A sequence item: the line's first token is a dash followed by a space or the line's end. */
  private boolean item() {
    int dashEnd = cur.pos + 1;
    int v = cur.skipSpaces(dashEnd);
    if (v == n || s.charAt(v) == '\n' || s.charAt(v) == '#') {
      pending = AFTER_DASH;
      pendingMark = cur.mark(dashEnd);
      return endLine(v);
    }
    char c = s.charAt(v);
    if (c == '"' || c == '\'' || c == '|' || c == '>' || c == '[' || c == '{') {
      return value(v, cols[depth - 1] + 1);
    }
    if (!cur.plainStart(v) || cur.isDash(v)) {
      return false;
    }
    if (cur.keyColon(v) >= 0) {
      // - key: value     a compact mapping at the key's column
      Mark m = cur.mark(v);
      emit(new MappingStartEvent(null, null, true, m, m, FlowStyle.BLOCK));
      push(MAP, v - cur.lineStart);
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
    ScalarEvent e;
    if (c == '|' || c == '>') {
      e = scalars.block(v, c == '>', indent);
      if (e == null) {
        return false;
      }
      emit(e);
      lines++; // a block scalar ends at the start of a line
      return true;
    }
    if (c == '[' || c == '{') {
      return flow(v, c == '{');
    }
    if (c == '"' || c == '\'') {
      e = scalars.quoted(v, c == '"', indent, false);
    } else {
      e = cur.plainStart(v) ? scalars.plain(v, indent) : null;
    }
    if (e == null) {
      return false;
    }
    emit(e);
    return endLine(cur.pos);
  }

  /**
   * A flow collection on one line, as hand-written files use them: {@code [a, "b c"]}, {@code
   * {name: id, type: uuid}}, {@code []}, {@code {}}; items and values plain or quoted scalars, keys
   * plain, each key followed by ': '. Nesting, empty entries, a trailing comma, a line break or a
   * comment inside decline. Events as SnakeYAML's parser makes them: the collection's start from
   * the bracket to after it, its end from the closing bracket to after it, the scalars' own.
   */
  private boolean flow(int v, boolean mapping) {
    char close = mapping ? '}' : ']';
    Mark open = cur.mark(v);
    if (mapping) {
      emit(new MappingStartEvent(null, null, true, open, cur.mark(v + 1), FlowStyle.FLOW));
    } else {
      emit(new SequenceStartEvent(null, null, true, open, cur.mark(v + 1), FlowStyle.FLOW));
    }
    int i = cur.skipSpaces(v + 1);
    if (i < n && s.charAt(i) != close) {
      while (true) {
        if (mapping) {
          // key: value
          if (!cur.plainStart(i)) {
            return false;
          }
          ScalarEvent key = scalars.flowPlain(i);
          int colon = cur.pos;
          if (key == null
              || colon - i > 1000
              || s.charAt(colon) != ':'
              || colon + 1 >= n
              || s.charAt(colon + 1) != ' ') {
            return false;
          }
          emit(key);
          i = cur.skipSpaces(colon + 1);
        }
        ScalarEvent item = flowScalar(i);
        if (item == null) {
          return false;
        }
        emit(item);
        i = cur.skipSpaces(cur.pos);
        if (i < n && s.charAt(i) == ',') {
          i = cur.skipSpaces(i + 1);
          if (i < n && s.charAt(i) == close) {
            return false; // a trailing comma
          }
          continue;
        }
        break;
      }
    }
    if (i == n || s.charAt(i) != close) {
      return false;
    }
    Mark end = cur.mark(i);
    emit(
        mapping
            ? new MappingEndEvent(end, cur.mark(i + 1))
            : new SequenceEndEvent(end, cur.mark(i + 1)));
    return endLine(i + 1);
  }

  /** A scalar item or value inside a flow collection, or null to decline. */
  private ScalarEvent flowScalar(int i) {
    if (i == n) {
      return null;
    }
    char c = s.charAt(i);
    if (c == '"' || c == '\'') {
      return scalars.quoted(i, c == '"', 0, true);
    }
    return cur.plainStart(i) ? scalars.flowPlain(i) : null;
  }

  /**
   * Finishes the current content line at {@code i} (its text read; what remains is spaces and a
   * comment) and moves to the next line.
   */
  private boolean endLine(int i) {
    int k = cur.skipSpaces(i);
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
      cur.pos = n;
    } else {
      cur.pos = k + 1;
      cur.line++;
      cur.lineStart = cur.pos;
    }
    lines++;
    return true;
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
