package dev.blueprint.core.load;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.blueprint.core.model.Durations;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.yaml.snakeyaml.LoaderOptions;

/** The one place that configures Jackson for blueprint files: strict on read, stable on write. */
public final class BlueprintMapper {

  /** The system property that raises {@link #MAX_DOCUMENT_BYTES}, e.g. for benchmark blueprints. */
  public static final String MAX_DOCUMENT_BYTES_PROPERTY = "blueprint.maxDocumentBytes";

  /**
   * Largest accepted input, in bytes: 4 MiB, or the value of the system property {@value
   * #MAX_DOCUMENT_BYTES_PROPERTY} (read once at start-up; a synthetic blueprint of 10,000 pipelines
   * is about 40 MB).
   */
  public static final int MAX_DOCUMENT_BYTES =
      Math.max(1, Integer.getInteger(MAX_DOCUMENT_BYTES_PROPERTY, 4 * 1024 * 1024));

  /** Deepest accepted nesting of mappings and sequences. */
  public static final int MAX_NESTING = 40;

  /** Most aliases accepted in one document; blueprint files have no reason to use many. */
  public static final int MAX_ALIASES = 20;

  private static final YAMLMapper YAML = configure(YAMLMapper.builder(yamlFactory())).build();
  private static final JsonMapper JSON = configure(JsonMapper.builder()).build();

  /**
   * The loader's reading factory: {@link #YAML}'s, with SnakeYAML on a thread of its own (see
   * {@link PipelinedYamlFactory}).
   */
  private static final YAMLFactory PIPELINED = new PipelinedYamlFactory(YAML.getFactory(), YAML);

  /** The same reading on the calling thread, for small documents (still with the fast reading). */
  private static final YAMLFactory DIRECT =
      new PipelinedYamlFactory(YAML.getFactory(), YAML, false);

  private BlueprintMapper() {}

  /**
   * Documents shorter than this (in chars) are read on the calling thread: for a requirements
   * document or a proposal of a few KB, starting the reading thread and handing its events over
   * cost more than the overlap saves (an engagement loads two such files).
   */
  static final int PIPELINE_MIN_CHARS = 256 * 1024;

  /** The factory {@link YamlReader} reads blueprint files with. */
  static YAMLFactory pipelinedYaml() {
    return PIPELINED;
  }

  /**
   * The factory for a document of {@code length} chars: {@link #pipelinedYaml()} for large ones,
   * else the same configuration reading on the calling thread (same tokens, locations and errors).
   */
  static YAMLFactory readingYaml(int length) {
    return length < PIPELINE_MIN_CHARS ? DIRECT : PIPELINED;
  }

  /** Strict YAML reader and writer for blueprint files. */
  public static ObjectMapper yaml() {
    return YAML;
  }

  /** The same model as JSON, for machine-readable output. */
  public static ObjectMapper json() {
    return JSON;
  }

  /** SnakeYAML's options for reading blueprint files. */
  static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setCodePointLimit(MAX_DOCUMENT_BYTES);
    options.setAllowDuplicateKeys(false);
    return options;
  }

  static YAMLFactory yamlFactory() {
    return YAMLFactory.builder()
        .loaderOptions(loaderOptions())
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(MAX_DOCUMENT_BYTES)
                .build())
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .stringQuotingChecker(new SafeYamlQuoting())
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
        .build();
  }

  private static <
          M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>>
      B configure(B builder) {
    SimpleModule module = new SimpleModule("blueprint");
    module.addSerializer(Duration.class, new DurationSerializer());
    module.addDeserializer(Duration.class, new DurationDeserializer());
    module.addSerializer(LocalDate.class, new LocalDateSerializer());
    module.addDeserializer(LocalDate.class, new LocalDateDeserializer());
    builder
        .addModule(module)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
        .withCoercionConfig(
            LogicalType.Textual,
            c ->
                c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Integer,
            c ->
                c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Boolean,
            c ->
                c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    return builder;
  }

  private static final class DurationSerializer extends JsonSerializer<Duration> {
    @Override
    public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(Durations.format(value));
    }
  }

  private static final class DurationDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Duration)
            ctxt.handleUnexpectedToken(
                Duration.class,
                p.currentToken(),
                p,
                "expected a duration such as 30m, 12h or 7d, not %s",
                describe(p.currentToken()));
      }
      try {
        return Durations.parse(p.getText());
      } catch (IllegalArgumentException e) {
        return (Duration) ctxt.handleWeirdStringValue(Duration.class, p.getText(), e.getMessage());
      }
    }
  }

  private static final class LocalDateSerializer extends JsonSerializer<LocalDate> {
    @Override
    public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  private static final class LocalDateDeserializer extends JsonDeserializer<LocalDate> {
    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (LocalDate)
            ctxt.handleUnexpectedToken(
                LocalDate.class,
                p.currentToken(),
                p,
                "expected a date such as 2026-01-31, not %s",
                describe(p.currentToken()));
      }
      try {
        return LocalDate.parse(p.getText().trim());
      } catch (DateTimeParseException e) {
        return (LocalDate)
            ctxt.handleWeirdStringValue(
                LocalDate.class, p.getText(), "expected a date such as 2026-01-31");
      }
    }
  }

  static String describe(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT -> "a mapping";
      case START_ARRAY -> "a list";
      case VALUE_NUMBER_INT -> "a whole number";
      case VALUE_NUMBER_FLOAT -> "a decimal number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "an empty value";
      case VALUE_STRING -> "text";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }
}
