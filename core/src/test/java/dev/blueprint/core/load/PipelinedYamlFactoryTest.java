package dev.blueprint.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blueprint.core.synth.SyntheticBlueprints;
import dev.blueprint.core.testing.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SnakeYAML on a thread of its own must change nothing a reader sees: the same tokens, texts,
 * numbers, tags, anchors and locations, the same errors at the same place, and no thread left
 * behind.
 */
class PipelinedYamlFactoryTest {

  private static final YAMLFactory PLAIN = (YAMLFactory) BlueprintMapper.yaml().getFactory();

  /** Every token with what a reader asks of it, one line each. */
  private static List<String> tokens(YAMLFactory factory, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (JsonParser p = factory.createParser(text)) {
      p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        StringBuilder line = new StringBuilder(t.name());
        line.append(' ').append(p.currentTokenLocation().getLineNr());
        line.append(':').append(p.currentTokenLocation().getColumnNr());
        line.append(" name=").append(p.currentName());
        if (t.isScalarValue()) {
          line.append(" text=").append(p.getText());
        }
        if (t.isNumeric()) {
          line.append(" number=").append(p.getNumberValue());
          line.append(" type=").append(p.getNumberType());
        }
        line.append(" tag=").append(p.getTypeId()).append(" anchor=").append(p.getObjectId());
        out.add(line.toString());
      }
      out.add("end " + p.currentLocation().getLineNr() + ":" + p.currentLocation().getColumnNr());
      // asked again after the end, as readers do: still the end, not a wait for more events
      assertEquals(null, p.nextToken());
    }
    return out;
  }

  /** The tokens until the first failure, then the failure's message and location. */
  private static List<String> tokensOrFailure(YAMLFactory factory, String text) {
    List<String> out = new ArrayList<>();
    try (JsonParser p = factory.createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        out.add(t + (t.isScalarValue() ? " " + p.getText() : ""));
      }
    } catch (JsonProcessingException e) {
      out.add(e.getClass().getName() + ": " + e.getOriginalMessage());
      if (e.getLocation() != null) {
        out.add(e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr());
      }
    } catch (IOException e) {
      out.add(e.toString());
    }
    return out;
  }

  @Test
  void theExamplesReadAsOnOneThread() throws IOException {
    int files = 0;
    for (Path dir : Examples.blueprintExamples()) {
      for (String name : List.of("blueprint.yaml", "requirements.yaml")) {
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file)) {
          String text = Files.readString(file);
          assertEquals(tokens(PLAIN, text), tokens(BlueprintMapper.pipelinedYaml(), text));
          files++;
        }
      }
    }
    assertTrue(files > 0);
  }

  @Test
  void aSyntheticBlueprintOfManyBatchesReadsAsOnOneThread() throws IOException {
    String text = BlueprintMapper.yaml().writeValueAsString(SyntheticBlueprints.make(300, 4));
    List<String> plain = tokens(PLAIN, text);
    // far more events than the queue holds, so the producing thread had to wait for the reader
    assertTrue(
        plain.size() > PipelinedYamlFactory.BATCH * PipelinedYamlFactory.QUEUED_BATCHES * 2,
        plain.size() + " tokens");
    assertEquals(plain, tokens(BlueprintMapper.pipelinedYaml(), text));
  }

  @Test
  void tagsAnchorsNumbersAndSecondDocumentsReadAsOnOneThread() throws IOException {
    String text =
        """
        a: &x 1
        b: *x
        c: !!str 12
        d: !custom value
        e: 0x1F
        f: 1_000
        g: 3.5e3
        h: 123456789012345678901234567890
        i: [yes, no, ~, '', "q\\n"]
        ---
        second: doc
        """;
    assertEquals(tokens(PLAIN, text), tokens(BlueprintMapper.pipelinedYaml(), text));
  }

  /**
   * Plain scalars of every kind SnakeYAML's resolver tells apart (and near misses), each twice so
   * that the second is decoded from the remembered answer: the same tokens, texts and numbers as
   * Jackson's own parser, on the calling thread and on the producing one.
   */
  @Test
  void plainScalarsDecodeAsJacksonDoesWhetherTheirTypeIsRememberedOrNot() throws IOException {
    List<String> values =
        List.of(
            "0",
            "-0",
            "+0",
            "7",
            "-12",
            "+12",
            "1_000",
            "0x1F",
            "-0x1f",
            "0b101",
            "0b",
            "017",
            "09",
            "0o17",
            "1:30",
            "-1:30:15",
            "190:20:30",
            "1.5",
            "-.5",
            "+.5e3",
            "1e3",
            "1.",
            "1_0.5",
            ".nan1",
            "2147483647",
            "2147483648",
            "-2147483649",
            "9223372036854775807",
            "9223372036854775808",
            "123456789012345678901234567890",
            "y",
            "Y",
            "n",
            "N",
            "yes",
            "Yes",
            "YES",
            "yEs",
            "no",
            "NO",
            "on",
            "ON",
            "off",
            "Off",
            "true",
            "True",
            "TRUE",
            "tRue",
            "false",
            "FALSE",
            "null",
            "Null",
            "NULL",
            "nULL",
            "none",
            "off_peak",
            "orders",
            "nightly",
            "truth",
            "falsey",
            "2026-01-12",
            "2026-1-2 3:04:05",
            "2026-01-12T10:00:00Z",
            "2026-13-45",
            "12:00",
            "1.2.3",
            "v1",
            "+",
            "-1-",
            ".",
            "1__0",
            "0_",
            "-0x",
            "0x",
            "spark",
            "sql",
            "store",
            "daily",
            "7d",
            "15m",
            "PT5M",
            "a".repeat(PipelinedYamlFactory.Parser.RESOLVED_MAX_LENGTH),
            "1".repeat(PipelinedYamlFactory.Parser.RESOLVED_MAX_LENGTH + 1),
            "t".repeat(PipelinedYamlFactory.Parser.RESOLVED_MAX_LENGTH + 1));
    StringBuilder text = new StringBuilder();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < values.size(); i++) {
        text.append("k").append(round).append('_').append(i).append(": ").append(values.get(i));
        text.append('\n');
      }
      text.append("l").append(round).append(": [").append(String.join(", ", values));
      text.append("]\n");
    }
    List<String> plain = tokens(PLAIN, text.toString());
    assertTrue(plain.stream().anyMatch(l -> l.contains("type=BIG_INTEGER")), "" + plain);
    assertTrue(plain.stream().anyMatch(l -> l.startsWith("VALUE_TRUE")), "" + plain);
    assertTrue(plain.stream().anyMatch(l -> l.startsWith("VALUE_NULL")), "" + plain);
    assertTrue(plain.stream().anyMatch(l -> l.startsWith("VALUE_NUMBER_FLOAT")), "" + plain);
    assertEquals(plain, tokens(BlueprintMapper.readingYaml(10), text.toString()));
    assertEquals(plain, tokens(BlueprintMapper.pipelinedYaml(), text.toString()));
    // infinities and NaN: Jackson's parser types them as floats and fails when asked the number
    String special = "a: .inf\nb: -.Inf\nc: .NaN\nd: .inf\ne: [.nan, +.INF, ._, ._]\n";
    List<String> failing = tokensOrFailure(PLAIN, special);
    assertTrue(failing.get(2).startsWith("VALUE_NUMBER_FLOAT"), "" + failing);
    assertEquals(failing, tokensOrFailure(BlueprintMapper.readingYaml(10), special));
  }

  /**
   * More distinct short scalars than are remembered: past the limit they are resolved as before.
   */
  @Test
  void moreDistinctShortScalarsThanAreRememberedReadAsJacksonDoes() throws IOException {
    StringBuilder text = new StringBuilder("items:\n");
    int n = PipelinedYamlFactory.Parser.RESOLVED_MAX_ENTRIES * 2;
    for (int i = 0; i < n; i++) {
      String v = i % 3 == 0 ? String.valueOf(i) : i % 3 == 1 ? "n" + i : i + ".5";
      text.append("  - ").append(v).append('\n');
    }
    text.append("again: [1, n1, 2.5, yes]\n");
    assertEquals(
        tokens(PLAIN, text.toString()), tokens(BlueprintMapper.readingYaml(10), text.toString()));
  }

  /** The position the reader takes from the parser is the token location Jackson gives. */
  @Test
  void theTokenPositionIsTheTokenLocation() throws IOException {
    String text = BlueprintMapper.yaml().writeValueAsString(SyntheticBlueprints.make(20, 4));
    for (YAMLFactory factory :
        List.of(BlueprintMapper.readingYaml(10), BlueprintMapper.pipelinedYaml())) {
      int tokens = 0;
      try (JsonParser p = factory.createParser(text)) {
        PipelinedYamlFactory.Parser parser = (PipelinedYamlFactory.Parser) p;
        assertEquals(YamlNode.pos(-1, -1), parser.currentTokenPos(), "before the first token");
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken(), tokens++) {
          var l = p.currentTokenLocation();
          assertEquals(YamlNode.pos(l.getLineNr(), l.getColumnNr()), parser.currentTokenPos());
        }
      }
      assertTrue(tokens > 1_000, tokens + " tokens");
    }
  }

  @Test
  void aSyntaxErrorIsReportedAtTheSameTokenAndPlace() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      text.append("k").append(i).append(": [a, b, c]\n");
    }
    text.append("bad: [unclosed\nnext: 1\n");
    List<String> plain = tokensOrFailure(PLAIN, text.toString());
    assertTrue(plain.get(plain.size() - 2).contains("Exception"), plain.get(plain.size() - 2));
    assertEquals(plain, tokensOrFailure(BlueprintMapper.pipelinedYaml(), text.toString()));
  }

  @Test
  void theNestingLimitStopsReadingAtTheSamePlace() {
    String text = "a: " + "[".repeat(BlueprintMapper.MAX_NESTING + 5) + "]".repeat(50) + "\n";
    assertThrows(StreamConstraintsException.class, () -> tokens(PLAIN, text));
    assertEquals(
        tokensOrFailure(PLAIN, text), tokensOrFailure(BlueprintMapper.pipelinedYaml(), text));
  }

  @Test
  void closingEarlyStopsTheProducingThread() throws Exception {
    String text = BlueprintMapper.yaml().writeValueAsString(SyntheticBlueprints.make(300, 5));
    Thread producer;
    try (JsonParser p = BlueprintMapper.pipelinedYaml().createParser(text)) {
      assertNotNull(p.nextToken());
      assertNotNull(p.nextToken());
      producer = producerThread();
      assertNotNull(producer, "the producing thread runs while the reader reads");
    }
    producer.join(60_000);
    assertFalse(producer.isAlive(), "the producing thread ended after the parser was closed");
  }

  @Test
  void smallDocumentsAreReadOnTheCallingThreadAndLargeOnesPipelined() {
    YAMLFactory small = BlueprintMapper.readingYaml(10_000);
    assertTrue(
        small != BlueprintMapper.pipelinedYaml() && small instanceof PipelinedYamlFactory,
        "a requirements document's size is read without a second thread, fast reading first");
    try (JsonParser p = small.createParser("a: 1\nb:\n- x\n")) {
      while (p.nextToken() != null) {
        assertEquals(null, producerThread(), "no producing thread for a small document");
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertTrue(
        BlueprintMapper.readingYaml(BlueprintMapper.PIPELINE_MIN_CHARS)
            == BlueprintMapper.pipelinedYaml(),
        "a large blueprint is read with the producing thread");
  }

  private static Thread producerThread() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("blueprint-yaml-reader") && t.isAlive())
        .findFirst()
        .orElse(null);
  }
}
