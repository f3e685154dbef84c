package dev.blueprint.core.generate.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.blueprint.core.generate.OutputTree;
import dev.blueprint.core.generate.SourceCopyYaml;
import java.io.IOException;
import java.io.Writer;

/**
 * Machine-readable outputs (JSON and YAML) are serialised from data rather than templated: a
 * serialiser quotes every user string for its language, so a hostile description parses back equal.
 * Output is stable: insertion order as built, two-space indent, LF, trailing newline.
 */
public final class StructuredText {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final ObjectWriter JSON_WRITER =
      JSON.writer(
          new DefaultPrettyPrinter()
              .withSeparators(
                  com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(
                          com.fasterxml.jackson.core.util.Separators.Spacing.AFTER))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  /** {@link #JSON_WRITER} for a writer it must leave open. */
  private static final ObjectWriter JSON_STREAM_WRITER =
      JSON_WRITER.without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  /** The YAML writer's quoting checker, shared with the direct writer of large documents. */
  private static final QuoteLineBreaks QUOTING = new QuoteLineBreaks();

  private static final YAMLMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .disable(YAMLGenerator.Feature.SPLIT_LINES)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                  .stringQuotingChecker(QUOTING)
                  .build())
          .build();

  private StructuredText() {}

  /**
   * Jackson would write a string holding NEL, LINE SEPARATOR or PARAGRAPH SEPARATOR as a plain
   * scalar, which a YAML reader folds into spaces, and "0x1F" plain, which YAML 1.1 reads as 31;
   * quoting them makes the value read back as the same string.
   */
  private static final class QuoteLineBreaks
      extends com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || hasBreakOrControl(value) || numberLike(value);
    }

    /** 0x1F, 1e3, .5, -1, 2026-01-31, 1:30, .inf: YAML 1.1 readers resolve them as non-strings. */
    private static boolean numberLike(String s) {
      if (s.isEmpty()) {
        return false;
      }
      char c = s.charAt(0);
      if (Character.isDigit(c)) {
        return true;
      }
      if ((c == '-' || c == '+' || c == '.') && s.length() > 1) {
        char d = s.charAt(1);
        return Character.isDigit(d) || d == '.' || d == 'i' || d == 'I' || d == 'n' || d == 'N';
      }
      return false;
    }

    @Override
    public boolean needToQuoteName(String name) {
      return super.needToQuoteName(name) || hasBreakOrControl(name);
    }

    private static boolean hasBreakOrControl(String s) {
      return s.chars()
          .anyMatch(c -> c == 0x85 || c == 0x2028 || c == 0x2029 || Character.isISOControl(c));
    }
  }

  /** The shared JSON mapper, for building trees. */
  public static ObjectMapper mapper() {
    return JSON;
  }

  /** Pretty JSON with a trailing newline. */
  public static String json(Object value) {
    try {
      return JSON_WRITER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write generated JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * {@link #json(Object)} written to {@code out}: the same characters, without holding the text as
   * a string (Jackson writes to a string through the same writer-based generator).
   */
  public static void json(Object value, Writer out) throws IOException {
    JSON_STREAM_WRITER.writeValue(out, value);
    out.write('\n');
  }

  /** Compact one-line JSON, e.g. for a JavaScript string or object in a template. */
  public static String compactJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write generated JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Block-style YAML written to {@code out}, exactly as {@link #yaml(Object)} makes it, for large
   * documents: written straight from the serialiser's tokens when {@link SourceCopyYaml} covers the
   * document (SnakeYAML's emitter analysed every scalar of a 20 MB layout.yaml and held it as one
   * string), else made by Jackson and SnakeYAML with CRLF and CR turned into LF, as a file written
   * from a string is.
   */
  public static void yaml(Object value, Writer out) throws IOException {
    if (!direct(value, out)) {
      out.write(OutputTree.lf(yaml(value)));
    }
  }

  /** Writes {@code value} directly when {@link SourceCopyYaml} covers it; false: wrote nothing. */
  static boolean direct(Object value, Writer out) throws IOException {
    return SourceCopyYaml.writeMinimal(YAML.writer(), QUOTING, value, out);
  }

  /** Block-style YAML. */
  public static String yaml(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write generated YAML: " + e.getOriginalMessage(), e);
    }
  }
}
