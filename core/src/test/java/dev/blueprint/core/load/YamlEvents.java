package dev.blueprint.core.load;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/** Test helpers: event streams of SnakeYAML alone, of the fast reading, and of both combined. */
final class YamlEvents {
  private YamlEvents() {}

  /** The loader options blueprint reads with. */
  static LoaderOptions options() {
    return BlueprintMapper.loaderOptions();
  }

  static ParserImpl snakeParser(String text) {
    return new ParserImpl(new StreamReader(new StringReader(text)), options());
  }

  /** Events until the stream end or a failure (then {@code failure} is set). */
  record Stream(List<String> events, RuntimeException failure, boolean fast, int declinedAt) {
    Stream(List<String> events, RuntimeException failure, boolean fast) {
      this(events, failure, fast, -1);
    }

    /** The failure as class, message (with SnakeYAML's snippet) and problem mark. */
    String failureText() {
      if (failure == null) {
        return null;
      }
      String where =
          failure instanceof MarkedYAMLException m && m.getProblemMark() != null
              ? " @" + describe(m.getProblemMark())
              : "";
      return failure.getClass().getName() + ": " + failure.getMessage() + where;
    }
  }

  static Stream snake(String text) {
    ParserImpl p = snakeParser(text);
    List<String> out = new ArrayList<>();
    try {
      for (Event e = p.getEvent(); e != null; e = p.getEvent()) {
        out.add(describe(e));
      }
    } catch (RuntimeException x) {
      return new Stream(out, x, false);
    }
    return new Stream(out, null, false);
  }

  /** The fast reading alone: its events until it declines (fast=false then) or ends. */
  static Stream fast(String text) {
    YamlText t = YamlText.of(text, options().getCodePointLimit());
    List<String> out = new ArrayList<>();
    if (t == null) {
      return new Stream(out, null, false);
    }
    FastYamlEvents f = new FastYamlEvents(t);
    for (Event e = f.next(); e != null; e = f.next()) {
      out.add(describe(e));
    }
    return new Stream(out, null, f.declinedAt() < 0, f.declinedAt());
  }

  /** The fast reading with SnakeYAML taking over, as the factory's parsers read. */
  static Stream combined(String text) {
    YamlEventSource source =
        new YamlEventSource(text, snakeParser(text), options().getCodePointLimit());
    List<String> out = new ArrayList<>();
    try {
      for (Event e = source.next(); e != null; e = source.next()) {
        out.add(describe(e));
      }
    } catch (IllegalStateException x) {
      throw x; // a mismatch between the two readings: a bug, never an expected outcome
    } catch (RuntimeException x) {
      return new Stream(out, x, source.fast());
    }
    return new Stream(out, null, source.fast());
  }

  /** Every field of an event a consumer can read, marks included. */
  static String describe(Event e) {
    StringBuilder b = new StringBuilder(e.getClass().getSimpleName());
    b.append(' ').append(describe(e.getStartMark())).append('-').append(describe(e.getEndMark()));
    if (e instanceof NodeEvent n) {
      b.append(" anchor=").append(n.getAnchor());
    }
    if (e instanceof ScalarEvent s) {
      b.append(" tag=").append(s.getTag());
      b.append(" implicit=").append(s.getImplicit().canOmitTagInPlainScalar());
      b.append('/').append(s.getImplicit().canOmitTagInNonPlainScalar());
      b.append(" style=").append(s.getScalarStyle());
      b.append(" value=").append(escape(s.getValue()));
    }
    if (e instanceof CollectionStartEvent c) {
      b.append(" tag=").append(c.getTag()).append(" implicit=").append(c.getImplicit());
      b.append(" flow=").append(c.getFlowStyle());
    }
    if (e instanceof DocumentStartEvent d) {
      b.append(" explicit=").append(d.getExplicit()).append(" version=").append(d.getVersion());
      b.append(" tags=").append(d.getTags());
    }
    if (e instanceof DocumentEndEvent d) {
      b.append(" explicit=").append(d.getExplicit());
    }
    return b.toString();
  }

  static String describe(Mark m) {
    return Objects.toString(m.getName())
        + ":"
        + m.getIndex()
        + "/"
        + m.getLine()
        + ":"
        + m.getColumn();
  }

  private static String escape(String v) {
    StringBuilder b = new StringBuilder("\"");
    v.codePoints()
        .forEach(
            c -> {
              if (c < 0x20 || c == '"' || c == '\\' || c > 0x7E) {
                b.append(String.format("\\u{%x}", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.append('"').toString();
  }
}
