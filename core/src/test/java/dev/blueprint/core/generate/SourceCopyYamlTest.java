package dev.blueprint.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.synth.SyntheticBlueprints;
import dev.blueprint.core.testing.Examples;
import dev.blueprint.core.testing.HostileStrings;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The source copy's direct writer must write exactly what Jackson and SnakeYAML write, or decline.
 */
class SourceCopyYamlTest {

  /** What the direct writer writes, or null when it declines. */
  private static String direct(Object value) throws Exception {
    StringWriter w = new StringWriter();
    return SourceCopyYaml.write(Generator.SOURCE_WRITER, value, w) ? w.toString() : null;
  }

  private static String jackson(Object value) throws Exception {
    return Generator.SOURCE_WRITER.writeValueAsString(value);
  }

  @Test
  void everyExampleAndSyntheticBlueprintIsWrittenAsJacksonWritesIt() throws Exception {
    List<Object> blueprints = new ArrayList<>();
    for (Path example : Examples.blueprintExamples()) {
      blueprints.add(BlueprintLoader.load(example.resolve("blueprint.yaml")).blueprint());
    }
    blueprints.add(SyntheticBlueprints.make(1, 1));
    blueprints.add(SyntheticBlueprints.make(40, 42));
    int covered = 0;
    for (Object b : blueprints) {
      String direct = direct(b);
      if (direct != null) {
        assertEquals(jackson(b), direct);
        covered++;
      }
    }
    assertTrue(covered >= 2, "the synthetic blueprints at least are covered: " + covered);
  }

  @Test
  void hostileStringsAndKeysAreWrittenAsJacksonWritesThemOrDeclined() throws Exception {
    List<String> raw = HostileStrings.generate(7L, 3_000, false);
    List<String> hostile = new ArrayList<>(raw);
    // the same strings with only their printable ASCII: quotes, backslashes, ${...}, '#', ': '
    raw.forEach(h -> hostile.add(h.replaceAll("[^ -~]", "")));
    SplittableRandom random = new SplittableRandom(11L);
    int covered = 0;
    int declined = 0;
    for (int i = 0; i + 3 < hostile.size(); i += 3) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("text", hostile.get(i));
      if (i % 2 == 0) {
        doc.put(hostile.get(i + 1).isEmpty() ? "k" : hostile.get(i + 1), "value");
      }
      Map<String, Object> nested = new LinkedHashMap<>();
      nested.put("list", List.of(hostile.get(i + 2), 1, 2.5, true, Map.of("a", "b")));
      nested.put("empty", List.of());
      nested.put("none", Map.of());
      nested.put("count", random.nextLong());
      nested.put("ratio", random.nextDouble() * Math.pow(10, random.nextInt(-8, 12)));
      nested.put("nothing", null);
      nested.put("compression.type", "lz4");
      nested.put("a-b.c", List.of("x-", "y."));
      doc.put("nested", nested);
      doc.put("items", List.of(Map.of("id", hostile.get(i)), Map.of("id", "x", "more", List.of())));
      String direct = direct(doc);
      if (direct == null) {
        declined++;
      } else {
        assertEquals(jackson(doc), direct, "for " + doc);
        covered++;
      }
    }
    assertTrue(covered > 50, "printable ASCII strings are covered: " + covered);
    assertTrue(declined > 50, "the others are declined: " + declined);
  }

  @Test
  void reservedWordsAsKeysNestedListsAndOtherDocumentsAreDeclined() throws Exception {
    assertEquals(null, direct(Map.of("yes", "x")));
    assertEquals(null, direct(Map.of("a", List.of(List.of("b")))));
    assertEquals(null, direct(List.of("a")));
    assertEquals(null, direct(Map.of("a", "caf\u00e9")));
    assertEquals(null, direct(Map.of("a", "line\nbreak")));
    assertFalse(direct(Map.of("a", "say \"hi\" \\ bye")) == null);
    assertEquals(
        jackson(Map.of("a", "say \"hi\" \\ bye")), direct(Map.of("a", "say \"hi\" \\ bye")));
  }

  @Test
  void longStringsAndManyValuesCrossTheWriteBufferAsJacksonWritesThem() throws Exception {
    SplittableRandom random = new SplittableRandom(3L);
    Map<String, Object> doc = new LinkedHashMap<>();
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int length = random.nextInt(0, i % 50 == 0 ? 20_000 : 300);
      StringBuilder s = new StringBuilder();
      for (int k = 0; k < length; k++) {
        int r = random.nextInt(40);
        s.append(r == 0 ? '"' : r == 1 ? '\\' : (char) random.nextInt(0x20, 0x7f));
      }
      items.add(Map.of("text", s.toString(), "index", i));
    }
    doc.put("items", items);
    String direct = direct(doc);
    assertFalse(direct == null);
    assertEquals(jackson(doc), direct);
  }
}
