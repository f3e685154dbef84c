package dev.blueprint.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.advice.Advisor;
import dev.blueprint.core.synth.SyntheticBlueprints;
import dev.blueprint.core.testing.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The advice's direct YAML writer must write exactly what Jackson and SnakeYAML write (including
 * where they fold long scalars and which style they choose), or decline.
 */
class MinimalQuotingYamlTest {

  private static String jackson(Object value) throws Exception {
    return BlueprintMapper.yaml().writeValueAsString(value);
  }

  @Test
  void theProposalsOfEveryExampleAreWrittenAsJacksonWritesThem() throws Exception {
    List<Path> requirements;
    try (Stream<Path> s = Files.list(Examples.root().resolve("examples"))) {
      requirements =
          s.map(d -> d.resolve("requirements.yaml")).filter(Files::isRegularFile).sorted().toList();
    }
    int covered = 0;
    for (Path r : requirements) {
      Object proposal = Advisor.advise(BlueprintLoader.load(r).blueprint()).proposal();
      String direct = MinimalQuotingYaml.direct(proposal);
      assertEquals(jackson(proposal), MinimalQuotingYaml.write(proposal), r.toString());
      if (direct != null) {
        assertEquals(jackson(proposal), direct, r.toString());
        covered++;
      }
    }
    assertTrue(covered >= 1 && covered * 2 >= requirements.size(), "covered: " + covered);
    Object synthetic = SyntheticBlueprints.make(20, 3);
    assertEquals(jackson(synthetic), MinimalQuotingYaml.write(synthetic));
  }

  /** Words that make every style and every fold point: long, short, quoted, escaped, numeric. */
  private static final String[] WORDS = {
    "a",
    "to",
    "the",
    "Visits",
    "sessions",
    "consolidated",
    "web-tracker.events.v1;",
    "(daily)",
    "it's",
    "shop's",
    "x+y",
    "1",
    "42",
    "3.5",
    "-7",
    "yes",
    "No",
    "null",
    "true",
    "~",
    "a:b",
    "key:",
    "#tag",
    "say",
    "\"hi\"",
    "back\\slash",
    "{{",
    "}}",
    "[x]",
    "-",
    "%",
    "@at",
    "`tick`",
    "commas,",
    "semi;",
    "slash/path",
    "verylongwordwithoutanyspacesatallthatkeepsgoingandgoing",
    "",
    "  ",
    "\n",
    "line\nbreak",
    " lead",
    "trail ",
    "y",
    "on",
    "Off",
    ".5",
    "+1",
    "0x1F",
    "1e3",
  };

  /** Words a plain scalar may hold, so that long plain prose (which SnakeYAML folds) is common. */
  private static final String[] PROSE = {
    "a",
    "to",
    "the",
    "Visits",
    "sessions",
    "consolidated",
    "web-tracker.events.v1;",
    "it's",
    "x+y",
    "1",
    "42",
    "3.5",
    "commas,",
    "semi;",
    "slash/path",
    "(daily)",
    "under_score",
    "verylongwordwithoutanyspacesatallthatkeepsgoingandgoingandgoingpastthewidthofaline",
  };

  private static String text(SplittableRandom random) {
    boolean prose = random.nextInt(3) == 0;
    String[] words = prose ? PROSE : WORDS;
    int n = random.nextInt(0, 40);
    StringBuilder b = new StringBuilder(prose ? "Prose" : "");
    for (int i = 0; i < n; i++) {
      if (i > 0 || prose) {
        b.append(random.nextInt(10) == 0 ? "  " : " ");
      }
      b.append(words[random.nextInt(words.length)]);
    }
    return b.toString();
  }

  private static Object value(SplittableRandom random, int depth) {
    int kind = random.nextInt(depth > 3 ? 6 : 9);
    return switch (kind) {
      case 0, 1, 2 -> text(random);
      case 3 -> random.nextInt(-1000, 1000);
      case 4 -> random.nextBoolean();
      case 5 -> random.nextInt(3) == 0 ? null : random.nextDouble() * 100;
      case 6 -> map(random, depth + 1);
      case 7 -> {
        List<Object> list = new ArrayList<>();
        int n = random.nextInt(0, 4);
        for (int i = 0; i < n; i++) {
          list.add(random.nextBoolean() ? text(random) : map(random, depth + 1));
        }
        yield list;
      }
      default -> {
        List<Object> list = new ArrayList<>();
        list.add(text(random));
        list.add(List.of("nested"));
        yield random.nextInt(4) == 0 ? list : text(random);
      }
    };
  }

  private static Map<String, Object> map(SplittableRandom random, int depth) {
    Map<String, Object> m = new LinkedHashMap<>();
    int n = random.nextInt(1, 5);
    for (int i = 0; i < n; i++) {
      String key =
          random.nextInt(20) == 0
              ? WORDS[random.nextInt(WORDS.length)]
              : "key" + random.nextInt(100) + (random.nextBoolean() ? "" : "_with.longer-name");
      m.put(key, value(random, depth));
    }
    return m;
  }

  /** A plain scalar continued on the next line: a line of prose words under a "key: Prose" line. */
  private static final Pattern FOLDED_PLAIN =
      Pattern.compile(": Prose[^\\n\"]*\\n +[^\\n:\\-][^\\n:]*\\n");

  @Test
  void randomDocumentsAreWrittenAsJacksonWritesThemOrDeclined() throws Exception {
    SplittableRandom random = new SplittableRandom(20261125L);
    int covered = 0;
    int declined = 0;
    int foldedPlain = 0;
    for (int i = 0; i < 4000; i++) {
      Map<String, Object> doc = map(random, 0);
      String direct = MinimalQuotingYaml.direct(doc);
      if (direct == null) {
        declined++;
      } else {
        assertEquals(jackson(doc), direct, "for " + doc);
        covered++;
        if (FOLDED_PLAIN.matcher(direct).find()) {
          foldedPlain++;
        }
      }
    }
    assertTrue(covered > 500, "covered: " + covered);
    assertTrue(foldedPlain > 50, "long plain prose was folded: " + foldedPlain);
    assertTrue(declined > 100, "declined: " + declined);
  }

  @Test
  void longProseFoldsAndMultiLineTextBecomesALiteralBlock() throws Exception {
    String prose = "word ".repeat(40).strip();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("plain", prose);
    doc.put("quoted", "say: " + prose);
    doc.put("lines", "first line\nsecond line");
    doc.put("items", List.of(prose, Map.of("text", "#" + prose)));
    String direct = MinimalQuotingYaml.direct(doc);
    assertNotNull(direct);
    assertEquals(jackson(doc), direct);
    assertTrue(direct.contains("\\\n"), "a double-quoted string was folded:\n" + direct);
    assertTrue(direct.contains("|-\n"), direct);
    assertNull(MinimalQuotingYaml.direct(Map.of("a", "caf\u00e9")));
    assertNull(MinimalQuotingYaml.direct(List.of("top-level list")));
  }
}
