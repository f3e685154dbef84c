package dev.blueprint.core.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * {@link BlueprintMapper#yaml()}'s text of a value (block YAML, quotes only where {@link
 * SafeYamlQuoting} asks for them, long scalars folded at 80 columns), written directly from the
 * serialiser's tokens when every scalar of the document is one whose treatment by Jackson and
 * SnakeYAML's emitter this writer repeats: keys that are plain words, strings of printable ASCII
 * (plain, double-quoted, or literal blocks of lines without edge spaces), whole and decimal
 * numbers, booleans and nulls, in block mappings and sequences of scalars or mappings. Any other
 * document is left to Jackson and SnakeYAML, whose output this matches byte for byte (see the test,
 * which compares the two on random documents). Their emitter analyses every scalar and was a third
 * of the advice step's time in an engagement.
 */
public final class MinimalQuotingYaml {
  private MinimalQuotingYaml() {}

  /** SnakeYAML's default line width, at which Jackson's emitter folds long scalars. */
  static final int WIDTH = 80;

  /** Jackson's "quote strings that look like numbers" test (ALWAYS_QUOTE_NUMBERS_AS_STRINGS). */
  private static final Pattern NUMBER_LIKE = Pattern.compile("[+-]?[0-9]*(\\.[0-9]*)?");

  private static final SafeYamlQuoting QUOTING = new SafeYamlQuoting();

  /** Exactly {@code BlueprintMapper.yaml().writeValueAsString(value)}. */
  public static String write(Object value) {
    String direct = direct(value);
    if (direct != null) {
      return direct;
    }
    try {
      return BlueprintMapper.yaml().writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text when this writer covers {@code value}, else null. */
  static String direct(Object value) {
    try {
      TokenBuffer tokens = new TokenBuffer(null, false);
      BlueprintMapper.yaml().writeValue(tokens, value);
      StringWriter out = new StringWriter(4096);
      try (JsonParser p = tokens.asParser()) {
        new Emitter(out).document(p);
        return out.toString();
      } catch (BlockYamlWalker.NotCovered e) {
        return null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Walks the tokens and writes; a document it does not cover is abandoned part-written. */
  private static final class Emitter extends BlockYamlWalker {
    private final Writer out;
    private int column;

    Emitter(Writer out) {
      this.out = out;
    }

    @Override
    protected void key(String key) throws IOException, NotCovered {
      if (!plainKey(key) || QUOTING.needToQuoteName(key)) {
        throw new NotCovered();
      }
      write(key);
    }

    @Override
    protected void indent(int n) throws IOException {
      spaces(n);
    }

    @Override
    protected void text(String s) throws IOException {
      write(s);
    }

    /**
     * A scalar after an indicator ("key:" or "-"), ending its line; {@code indent} is where
     * SnakeYAML continues it when it folds.
     */
    @Override
    protected void scalar(JsonParser p, JsonToken t, int indent) throws IOException, NotCovered {
      switch (t) {
        case VALUE_STRING -> string(p.getText(), indent);
        case VALUE_NUMBER_INT -> {
          Number n = p.getNumberValue();
          if (!(n instanceof Integer || n instanceof Long || n instanceof BigInteger)) {
            throw new NotCovered();
          }
          write(" " + n);
          newline();
        }
        case VALUE_NUMBER_FLOAT -> {
          Number n = p.getNumberValue();
          if (!(n instanceof Double d) || d.isNaN() || d.isInfinite()) {
            throw new NotCovered();
          }
          write(" " + Double.toString(d));
          newline();
        }
        case VALUE_TRUE -> line(" true");
        case VALUE_FALSE -> line(" false");
        case VALUE_NULL -> line(" null");
        default -> throw new NotCovered();
      }
    }

    private void line(String s) throws IOException {
      write(s);
      newline();
    }

    /** A string in the style Jackson asks for, as SnakeYAML writes it. */
    private void string(String s, int indent) throws IOException, NotCovered {
      if (s.isEmpty()) {
        line(" \"\"");
        return;
      }
      boolean lines = false;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\n') {
          lines = true;
        } else if (c < 0x20 || c > 0x7e) {
          throw new NotCovered();
        }
      }
      if (lines) {
        literal(s, indent);
      } else if (QUOTING.needToQuoteValue(s) || NUMBER_LIKE.matcher(s).matches()) {
        doubleQuoted(s, indent);
      } else {
        plain(s, indent);
      }
    }

    /**
     * A plain scalar (SafeYamlQuoting's plain strings: a letter, then words separated by spaces),
     * folded at a single space once the line is past the width.
     */
    private void plain(String s, int indent) throws IOException, NotCovered {
      if (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ') {
        throw new NotCovered();
      }
      write(" ");
      int start = 0;
      while (start < s.length()) {
        int space = s.indexOf(' ', start);
        int end = space < 0 ? s.length() : space;
        write(s, start, end);
        if (space < 0) {
          break;
        }
        int next = space;
        while (next < s.length() && s.charAt(next) == ' ') {
          next++;
        }
        if (next == space + 1 && column > WIDTH) {
          newline();
          spaces(indent);
        } else {
          write(s, space, next);
        }
        start = next;
      }
      newline();
    }

    /** A double-quoted scalar of printable ASCII, folded as SnakeYAML folds it. */
    private void doubleQuoted(String s, int indent) throws IOException {
      write(" \"");
      int start = 0;
      int end = 0;
      int n = s.length();
      while (end <= n) {
        char ch = end < n ? s.charAt(end) : 0;
        if (ch == 0 || ch == '"' || ch == '\\') {
          if (start < end) {
            write(s, start, end);
            start = end;
          }
          if (ch != 0) {
            write(ch == '"' ? "\\\"" : "\\\\");
            start = end + 1;
          }
        }
        if (0 < end
            && end < n - 1
            && (ch == ' ' || start >= end)
            && column + (end - start) > WIDTH) {
          if (start < end) {
            write(s, start, end);
            start = end;
          }
          write("\\");
          newline();
          spaces(indent);
          if (s.charAt(start) == ' ') {
            write("\\");
          }
        }
        end++;
      }
      write("\"");
      newline();
    }

    /**
     * A literal block ({@code |-}) of lines that neither start nor end with a space and are not
     * empty; other multi-line strings are not covered.
     */
    private void literal(String s, int indent) throws IOException, NotCovered {
      if (s.charAt(0) == ' '
          || s.charAt(0) == '\n'
          || s.charAt(s.length() - 1) == '\n'
          || s.charAt(s.length() - 1) == ' '
          || s.contains("\n\n")
          || s.contains(" \n")) {
        throw new NotCovered();
      }
      write(" |-");
      newline();
      int start = 0;
      while (start < s.length()) {
        int end = s.indexOf('\n', start);
        if (end < 0) {
          end = s.length();
        }
        spaces(indent);
        write(s, start, end);
        newline();
        start = end + 1;
      }
    }

    private void spaces(int n) throws IOException {
      for (int i = 0; i < n; i++) {
        out.write(' ');
      }
      column += n;
    }

    @Override
    protected void newline() throws IOException {
      out.write('\n');
      column = 0;
    }

    private void write(String s) throws IOException {
      out.write(s);
      column += s.length();
    }

    private void write(String s, int from, int to) throws IOException {
      out.write(s, from, to - from);
      column += to - from;
    }
  }
}
