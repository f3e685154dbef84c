package dev.blueprint.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.synth.SyntheticBlueprints;
import dev.blueprint.core.testing.Examples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast reading gives exactly SnakeYAML's events (every field, every mark) for the files
 * blueprint reads and writes, and for the hand-picked corners of its subset; where it declines, the
 * events it handed out are a prefix of SnakeYAML's and the combined source equals SnakeYAML alone.
 */
class FastYamlEventsTest {

  /** Fast alone is a prefix of SnakeYAML (all of it when not declined); combined is SnakeYAML. */
  static boolean check(String name, String text) {
    YamlEvents.Stream snake = YamlEvents.snake(text);
    YamlEvents.Stream fast = YamlEvents.fast(text);
    if (fast.fast()) {
      assertEquals(
          null, snake.failureText(), name + ": SnakeYAML fails where the fast reading ran");
      assertEquals(snake.events(), fast.events(), name);
    } else {
      assertTrue(
          fast.events().size() <= snake.events().size(),
          name + ": the fast reading handed out more events than SnakeYAML gives");
      assertEquals(snake.events().subList(0, fast.events().size()), fast.events(), name);
    }
    YamlEvents.Stream combined = YamlEvents.combined(text);
    assertEquals(snake.events(), combined.events(), name);
    assertEquals(snake.failureText(), combined.failureText(), name);
    return fast.fast();
  }

  /** The text around where the fast reading declines it, for failure messages. */
  static String declinedNear(String text) {
    int at = YamlEvents.fast(text).declinedAt();
    if (at < 0) {
      return "declined as a whole";
    }
    return "declined at "
        + at
        + ": ..."
        + text.substring(Math.max(0, at - 300), at)
        + "<HERE>"
        + text.substring(at, Math.min(text.length(), at + 100));
  }

  private static void fast(String text) {
    assertTrue(check(text, text), "declined: " + text);
  }

  private static void declines(String text) {
    check(text, text);
    assertTrue(!YamlEvents.fast(text).fast(), "should decline: " + text);
  }

  @Test
  void syntheticBlueprintsReadFastAndEqual() throws IOException {
    for (int[] sizeSeed : new int[][] {{1, 1}, {7, 2}, {60, 3}, {300, 4}, {500, 42}}) {
      String text =
          BlueprintMapper.yaml()
              .writeValueAsString(SyntheticBlueprints.make(sizeSeed[0], sizeSeed[1]));
      assertTrue(check("synthetic " + sizeSeed[0], text), () -> declinedNear(text));
    }
  }

  @Test
  void everyYamlFileOfTheRepositoryEqualsSnakeYaml() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Examples.root().resolve("examples"))) {
      files =
          s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    assertTrue(files.size() > 10, "examples found: " + files.size());
    int fast = 0;
    for (Path f : files) {
      String text = read(f);
      if (check(f.toString(), text)) {
        fast++;
      } else {
        System.out.println(
            "declined: " + f + " " + declinedNear(text).lines().reduce((a, b) -> b).orElse(""));
      }
    }
    assertTrue(fast > 0, "no example read fast");
    System.out.printf("repository YAML files: %d, read fast to the end: %d%n", files.size(), fast);
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void corners() {
    fast("a: 1\n");
    fast("a: 1");
    fast("a: 1   \n\n# end\n   ");
    fast("# head\n\na:   b c  d   # c\n");
    fast("a:\nb:\n");
    fast("a:\n  b:\n  c:\nd: 1\n");
    fast("a:\n- 1\n-\n- x\nb: 2\n");
    fast("a:\n  - 1\n  -\n  - x\nb:\n");
    fast("- a: 1\n  b: 2\n- c:\n  - x\n  - y\n-\n");
    fast("-   a: 1\n    b:\n      c: d\n");
    fast("- x\n- -5\n- a:b\n- http://x#y\n");
    fast("a: some long text\n  that goes on\n\n  and on\n\n\n  # comment\nb: 1\n");
    fast("a: text\n  more # comment\nb: 1\n");
    fast("- text\n  more\n-  again\n    and\n");
    fast("a: \"q\"\nb: 'it''s'\nc: \"x\\ny\\t\\\"z\\\\ \\x41\\u00e9\"\n");
    fast("a: \"long \n  folded  \n\n   text\"\nb: 'x\n  y'\n");
    fast("a: \"joined\\\n    \\ here\"\n");
    fast("a: \"e\\0\\a\\b\\v\\f\\r\\e\\N\\_\\L\\P\"\n");
    fast("a: x\u00e9\ud83d\ude00y\nb: \"\ud83d\ude00\"\n\ud83d\ude00: z\n");
    fast("k:   # c\n  - a\n");
    fast("k: \"a\" # c\n");
    fast("a:\n  b:\n    c:\n      - d\n  e: f\n");
    fast("a: >-\n  folded\n  text\n\n  para\n    more\n  end\nb: |\n  lit\n   eral  \n\n");
    fast("a: |+\n  keep\n\n\nb: >+\n\n  x\n");
    fast("- |\n  x\n- >-\n  # not a comment\n  y\n- |\n");
    declines("- >-\n   # deeper first line sets the indentation\n  y\n");
    fast("a: | # c\n\n  \n  top\n    deep\n  b\n");
    declines("a: | # c\n\n   \n    deep\n  b\n");
    fast("a: >\n  x");
    fast("a: |-\n");
    fast("a: |");
    // deep nesting: the collection stack and the held events grow (300 ends at one line)
    StringBuilder nest = new StringBuilder();
    for (int d = 0; d < 300; d++) {
      nest.append(" ".repeat(2 * d)).append("k").append(d).append(":\n");
    }
    nest.append("top: 1\n");
    fast(nest.toString());
    StringBuilder seqs = new StringBuilder();
    for (int d = 0; d < 100; d++) {
      seqs.append(" ".repeat(2 * d)).append("-\n");
    }
    seqs.append(" ".repeat(200)).append("x\n- y\n");
    check("nested sequences", seqs.toString());
    declines("a: \ude00x\n");
    declines("a: \ud83dx\n");
    declines("a: x\ud83d");
    declines("a: \ude00\ud83d\ude00\n");
    declines("a: \ud83d\ud83d\ude00\n");
    declines("");
    declines("# only\n");
    fast("a: [1]\nb: [ ]\nc: { }\nd: [x, y z , \"q\", 'r''s', -5, a:b, http://x#y]\n");
    fast(
        "- {name: id, type: uuid, nullable: false, description: Unique id the tracker assigns.}\n");
    fast("k: {a : b,c: \"d\"}   # comment\n- x\n".replace("- x\n", ""));
    declines("a: [x, [y]]\n");
    declines("a: [x,]\n");
    declines("a: {x}\n");
    declines("a: {x:y}\n");
    declines("a: [x # c\n  ]\n");
    declines("a: [x,\n  y]\n");
    declines("a: {a: }\n");
    declines("a: [a: b]\n");
    declines("a: [what?]\n");
    declines("a: [\"x\n  y\"]\n");
    fast("a: {}\nb: []   # none\nc:\n- []\n- {}\n-   []\nd: []#c\n");
    declines("a: []x\n");
    declines("a: [] : b\n");
    declines("a: &x 1\n");
    declines("a: !!str 1\n");
    declines("? a\n: b\n");
    declines("---\na: 1\n");
    declines("a: >2\n  x\n");
    declines("a: |x\n  x\n");
    declines("a:\tb\n");
    declines("\"a\": b\n");
    declines("a: b: c\n");
    declines("a: \"x\\/\"\n");
    declines("a:\n  x\n");
    declines("scalar\n");
  }
}
