package dev.blueprint.core.generate.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.model.Blueprint;
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
 * storage/layout.yaml's direct writer (minimal quoting) must write exactly what Jackson and
 * SnakeYAML write, or decline; and the streamed layout must equal the string one.
 */
class LayoutYamlDirectTest {

  /** What the direct writer writes, or null when it declines. */
  private static String direct(Object value) throws Exception {
    StringWriter w = new StringWriter();
    return StructuredText.direct(value, w) ? w.toString() : null;
  }

  private static String streamed(Object value) throws Exception {
    StringWriter w = new StringWriter();
    StructuredText.yaml(value, w);
    return w.toString();
  }

  @Test
  void everyExampleAndSyntheticLayoutIsWrittenAsJacksonWritesIt() throws Exception {
    List<Blueprint> blueprints = new ArrayList<>();
    for (Path example : Examples.blueprintExamples()) {
      blueprints.add(BlueprintLoader.load(example.resolve("blueprint.yaml")).blueprint());
    }
    blueprints.add(SyntheticBlueprints.make(1, 1));
    blueprints.add(SyntheticBlueprints.make(40, 42));
    int covered = 0;
    for (Blueprint b : blueprints) {
      Map<String, Object> doc = StorageLayout.document(b);
      String direct = direct(doc);
      assertEquals(StructuredText.yaml(doc), streamed(doc));
      if (direct != null) {
        assertEquals(StructuredText.yaml(doc), direct);
        covered++;
      }
    }
    assertTrue(covered >= 2, "the synthetic layouts at least are covered: " + covered);
    assertTrue(direct(StorageLayout.document(SyntheticBlueprints.make(40, 42))) != null);
  }

  /** Strings near SnakeYAML's rules for plain scalars, and hostile ones. */
  private static List<String> strings() {
    List<String> out =
        new ArrayList<>(
            List.of(
                "plain words",
                "a: b",
                "a:b",
                "x:",
                "x #y",
                "x#y",
                "#x",
                "(a)",
                "/p/q",
                "_x",
                "a ",
                " a",
                "Yes",
                "no",
                "NULL",
                "Null",
                "~",
                "a,b",
                "a[b]",
                "a{b}",
                "a'b",
                "a\"b",
                "s3://x/y/",
                "true",
                "NaN",
                ".inf",
                "-x",
                "- x",
                "=x",
                "a=b",
                "a@b",
                "@a",
                "a|b",
                "|a",
                "a>b",
                "a!b",
                "!a",
                "a&b",
                "&a",
                "a*b",
                "*a",
                "a%b",
                "%a",
                "a`b",
                "`a",
                "?a",
                "a?",
                "? a",
                "---a",
                "...a",
                "1a",
                "12",
                "1.5",
                "+1",
                "0x1F",
                "2026-01-31",
                "a\tb",
                "a  b",
                "a\\b",
                "{x}",
                "[x]",
                "x,",
                "x}",
                "",
                "caf\u00e9",
                "line\nbreak",
                "cr\rhere",
                "y",
                "n",
                "on",
                "Off"));
    List<String> raw = HostileStrings.generate(13L, 2_000, false);
    out.addAll(raw);
    raw.forEach(h -> out.add(h.replaceAll("[^ -~]", "")));
    raw.forEach(h -> out.add(h.replaceAll("[^A-Za-z :#/_.,-]", "")));
    return out;
  }

  @Test
  void stringsAndKeysAreWrittenAsJacksonWritesThemOrDeclined() throws Exception {
    List<String> strings = strings();
    SplittableRandom random = new SplittableRandom(5L);
    int covered = 0;
    int declined = 0;
    for (int i = 0; i + 3 < strings.size(); i++) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("text", strings.get(i));
      String key = strings.get(i + 1);
      doc.put(key.isEmpty() ? "k" : key, "value");
      Map<String, Object> nested = new LinkedHashMap<>();
      nested.put("list", List.of(strings.get(i + 2), 1, true, Map.of("a", strings.get(i + 3))));
      nested.put("empty", List.of());
      nested.put("none", Map.of());
      nested.put("count", random.nextLong());
      nested.put("nothing", null);
      doc.put("nested", nested);
      String direct = direct(doc);
      assertEquals(
          StructuredText.yaml(doc).replace("\r\n", "\n").replace('\r', '\n'), streamed(doc));
      if (direct == null) {
        declined++;
      } else {
        assertEquals(StructuredText.yaml(doc), direct, "for " + doc);
        covered++;
      }
    }
    assertTrue(covered > 200, "printable ASCII strings are covered: " + covered);
    assertTrue(declined > 50, "the others are declined: " + declined);
  }

  @Test
  void stringsNotSurelyPlainAreDeclined() throws Exception {
    assertNull(direct(Map.of("a", "caf\u00e9")));
    assertNull(direct(Map.of("a", "line\nbreak")));
    assertNull(direct(Map.of("yes", "x")));
    assertEquals(StructuredText.yaml(Map.of("a", "b c")), direct(Map.of("a", "b c")));
    assertEquals("a: b c\n", direct(Map.of("a", "b c")));
  }
}
