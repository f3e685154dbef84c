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
  private static final YAMLMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .disable(YAMLGenerator.Feature.SPLIT_LINES)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                  .build())
          .build();

  private StructuredText() {}

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

  /** Compact one-line JSON, e.g. for a JavaScript string or object in a template. */
  public static String compactJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write generated JSON: " + e.getOriginalMessage(), e);
    }
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
