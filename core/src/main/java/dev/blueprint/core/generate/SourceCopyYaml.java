package dev.blueprint.core.generate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import dev.blueprint.core.load.BlockYamlWalker;
import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The source copy's YAML, written directly from the serialiser's tokens for the documents whose
 * every scalar it knows how SnakeYAML's emitter writes: keys that are plain words, strings of
 * printable ASCII (double-quoted, {@code "} and {@code \} escaped), whole and decimal numbers,
 * booleans and nulls, in block mappings and sequences. Any other document (non-ASCII or control
 * characters, unusual keys, nested sequences) is left to Jackson and SnakeYAML, whose output this
 * matches byte for byte (see the test); for a large blueprint their emitter, which analyses every
 * scalar, was the largest single cost of generating after rendering.
 *
 * <p>{@link #writeMinimal} does the same for a writer with minimal quoting (storage/layout.yaml): a
 * string the writer's quoting checker quotes is double-quoted as above, and one it leaves plain is
 * written plain when SnakeYAML's emitter is certain to keep it plain (printable ASCII, no leading
 * indicator or space, no ": " or " #"); any other string declines the document.
 */
public final class SourceCopyYaml {
  private SourceCopyYaml() {}

  /** Words YAML 1.1 reads as booleans or null: Jackson quotes them as keys. */
  private static final Set<String> RESERVED =
      Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

  /**
   * Writes {@code value} as {@code writer} (block YAML, strings double-quoted, no document marker)
   * would, when this writer covers it; false, having written nothing, when it does not.
   */
  static boolean write(ObjectWriter writer, Object value, Writer out) throws IOException {
    return write(writer, null, value, out);
  }

  /**
   * Writes {@code value} as {@code writer}, a YAML writer with minimal quoting whose strings {@code
   * checker} decides, would, when this writer covers it; false, having written nothing, when it
   * does not.
   */
  public static boolean writeMinimal(
      ObjectWriter writer, StringQuotingChecker checker, Object value, Writer out)
      throws IOException {
    return write(writer, java.util.Objects.requireNonNull(checker), value, out);
  }

  private static boolean write(
      ObjectWriter writer, StringQuotingChecker minimal, Object value, Writer out)
      throws IOException {
    TokenBuffer tokens = new TokenBuffer(null, false);
    writer.writeValue(tokens, value);
    BitSet plain = new BitSet();
    try (JsonParser check = tokens.asParser()) {
      new SourceCopyYaml.Emitter(null, minimal, plain).walk(check);
    } catch (BlockYamlWalker.NotCovered e) {
      return false;
    }
    try (JsonParser p = tokens.asParser()) {
      new SourceCopyYaml.Emitter(out, minimal, plain).walk(p);
    } catch (BlockYamlWalker.NotCovered e) {
      throw new IllegalStateException("the checked document became uncovered", e);
    }
    return true;
  }

  /**
   * Walks the tokens; writes when it has a writer, else only checks. The checking pass does every
   * check (each distinct key once) and records which strings are plain; the writing pass, over the
   * same tokens, only writes, into its own buffer (a BufferedWriter locks and checks per call).
   */
  private static final class Emitter extends BlockYamlWalker {
    private final Writer out;

    /** The quoting checker of a writer with minimal quoting; null: every string double-quoted. */
    private final StringQuotingChecker minimal;

    /** Which string values, in document order, are written plain. */
    private final BitSet plain;

    private int strings;
    private final Set<String> keysChecked = new HashSet<>();
    private final char[] buffer;
    private int used;

    Emitter(Writer out, StringQuotingChecker minimal, BitSet plain) {
      this.out = out;
      this.minimal = minimal;
      this.plain = plain;
      this.buffer = out == null ? null : new char[1 << 13];
    }

    /** Walks the document, then hands what is buffered to the writer. */
    void walk(JsonParser p) throws IOException, NotCovered {
      document(p);
      if (out != null) {
        flush();
      }
    }

    private void checkKey(String key) throws NotCovered {
      if (out != null || keysChecked.contains(key)) {
        return;
      }
      if (!plainKey(key)
          || RESERVED.contains(key.toLowerCase(Locale.ROOT))
          || (minimal != null && minimal.needToQuoteName(key))) {
        throw new NotCovered();
      }
      keysChecked.add(key);
    }

    @Override
    protected void key(String key) throws IOException, NotCovered {
      checkKey(key);
      write(key);
    }

    @Override
    protected void text(String s) throws IOException {
      write(s);
    }

    @Override
    protected void newline() throws IOException {
      write('\n');
    }

    /** A scalar after an indicator: a space, the scalar, the end of its line (never folded). */
    @Override
    protected void scalar(JsonParser p, JsonToken t, int indent) throws IOException, NotCovered {
      write(' ');
      scalar(p, t);
      write('\n');
    }

    private void scalar(JsonParser p, JsonToken t) throws IOException, NotCovered {
      switch (t) {
        case VALUE_STRING -> string(p.getText());
        case VALUE_NUMBER_INT -> {
          Number n = p.getNumberValue();
          if (!(n instanceof Integer || n instanceof Long || n instanceof BigInteger)) {
            throw new NotCovered();
          }
          write(n.toString());
        }
        case VALUE_NUMBER_FLOAT -> {
          Number n = p.getNumberValue();
          if (!(n instanceof Double d) || d.isNaN() || d.isInfinite()) {
            throw new NotCovered();
          }
          write(Double.toString(d));
        }
        case VALUE_TRUE -> write("true");
        case VALUE_FALSE -> write("false");
        case VALUE_NULL -> write("null");
        default -> throw new NotCovered();
      }
    }

    /** A string value: double-quoted, or with minimal quoting plain where the writer leaves it. */
    private void string(String s) throws IOException, NotCovered {
      int index = strings++;
      if (out != null) {
        if (plain.get(index)) {
          write(s);
        } else {
          quoted(s);
        }
      } else if (minimal == null || s.isEmpty() || minimal.needToQuoteValue(s)) {
        checkQuoted(s);
      } else if (certainlyPlain(s)) {
        plain.set(index);
      } else {
        throw new NotCovered();
      }
    }

    /**
     * True when Jackson asks for a plain scalar and SnakeYAML's emitter, in a block mapping's value
     * or a block sequence's item, surely keeps it plain: printable ASCII without a leading or
     * trailing space, not starting with an indicator, a digit or a sign (which Jackson may quote as
     * a number), without ": ", " #" or a trailing ":".
     */
    private static boolean certainlyPlain(String s) {
      char first = s.charAt(0);
      if (!(Character.isLetter(first) || first == '_' || first == '/' || first == '(')
          || first > 0x7e
          || s.charAt(s.length() - 1) == ' ') {
        return false;
      }
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 0x20 || c > 0x7e) {
          return false;
        }
        if (c == ':' && (i + 1 == s.length() || s.charAt(i + 1) == ' ')) {
          return false;
        }
        if (c == '#' && s.charAt(i - 1) == ' ') {
          return false;
        }
      }
      return true;
    }

    /** Checks that a string to double-quote is printable ASCII. */
    private static void checkQuoted(String s) throws NotCovered {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 0x20 || c > 0x7e) {
          throw new NotCovered();
        }
      }
    }

    /** A double-quoted string of printable ASCII (checked), {@code "} and {@code \} escaped. */
    private void quoted(String s) throws IOException, NotCovered {
      if (out == null) {
        checkQuoted(s);
        return;
      }
      write('"');
      int n = s.length();
      if (n > buffer.length - used) {
        flush();
      }
      if (n > buffer.length) {
        for (int i = 0; i < n; i++) {
          char c = s.charAt(i);
          if (c == '"' || c == '\\') {
            write('\\');
          }
          write(c);
        }
      } else {
        // copy, then escape in place from the first quote or backslash on
        int start = used;
        s.getChars(0, n, buffer, start);
        int end = start + n;
        int i = start;
        while (i < end && buffer[i] != '"' && buffer[i] != '\\') {
          i++;
        }
        if (i == end) {
          used = end;
        } else {
          used = i;
          for (int k = i - start; k < n; k++) {
            char c = s.charAt(k);
            if (c == '"' || c == '\\') {
              write('\\');
            }
            write(c);
          }
        }
      }
      write('"');
    }

    @Override
    protected void indent(int n) throws IOException {
      if (out != null) {
        for (int i = 0; i < n; i++) {
          write(' ');
        }
      }
    }

    private void write(char c) throws IOException {
      if (out != null) {
        if (used == buffer.length) {
          flush();
        }
        buffer[used++] = c;
      }
    }

    private void write(String s) throws IOException {
      if (out != null) {
        int n = s.length();
        if (n > buffer.length - used) {
          flush();
          if (n > buffer.length) {
            out.write(s);
            return;
          }
        }
        s.getChars(0, n, buffer, used);
        used += n;
      }
    }

    private void flush() throws IOException {
      out.write(buffer, 0, used);
      used = 0;
    }
  }
}
