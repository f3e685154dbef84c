package dev.blueprint.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.synth.SyntheticBlueprints;
import dev.blueprint.core.testing.Examples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Generated and mutated documents: the fast reading's events are always a prefix of SnakeYAML's
 * (all of them where it does not decline), and the fast reading with SnakeYAML taking over gives
 * SnakeYAML's events, then SnakeYAML's exception (class, message, problem mark) at the same event.
 * Through the whole loader, the same problems as with SnakeYAML alone. Seeded: every run reads the
 * same documents.
 */
class FastYamlFuzzTest {

  /** Scaled by the system property {@code fastYaml.fuzzScale} for longer runs by hand. */
  static final int SCALE = Integer.getInteger("fastYaml.fuzzScale", 1);

  static final int RANDOM_DOCUMENTS = 4000 * SCALE;
  static final int MUTATED_DOCUMENTS = 6000 * SCALE;

  /** Characters mutations insert: the ones that change YAML's structure. */
  private static final String HOSTILE = " :-\"'#\t&*!{}[]?|>%@`\n\\,~.\r\u0085\ufeff\ud83d\ude00";

  @Test
  void randomDocumentsOfTheSubsetEqualSnakeYaml() {
    RandomBlockYaml g = new RandomBlockYaml(7 * SCALE);
    int valid = 0;
    int fast = 0;
    for (int i = 0; i < RANDOM_DOCUMENTS; i++) {
      String doc = g.document();
      boolean read = FastYamlEventsTest.check("random document " + i + ":\n" + doc, doc);
      if (YamlEvents.snake(doc).failure() == null) {
        valid++;
        if (read) {
          fast++;
        }
      }
    }
    // the generator also makes invalid documents (which must fail alike); of the valid ones,
    // nearly all are in the subset (the rest: a continuation line starting with an indicator...)
    assertTrue(valid > RANDOM_DOCUMENTS / 3, "valid: " + valid);
    assertTrue(fast > valid * 9 / 10, "read fast: " + fast + " of " + valid + " valid");
    System.out.printf(
        "random documents: %d, valid %d, read fast to the end %d%n", RANDOM_DOCUMENTS, valid, fast);
  }

  @Test
  void mutatedDocumentsFailExactlyAsWithSnakeYaml() throws IOException {
    List<String> seeds = seeds();
    Random r = new Random(11 * SCALE);
    int failing = 0;
    int fast = 0;
    for (int i = 0; i < MUTATED_DOCUMENTS; i++) {
      String doc = mutate(seeds.get(r.nextInt(seeds.size())), r);
      if (FastYamlEventsTest.check("mutated document " + i + ":\n" + doc, doc)) {
        fast++;
      }
      if (YamlEvents.snake(doc).failure() != null) {
        failing++;
      }
    }
    // the mutations must produce errors to compare, and leave many documents valid
    assertTrue(failing > MUTATED_DOCUMENTS / 5, "failing: " + failing);
    assertTrue(fast > MUTATED_DOCUMENTS / 10, "read fast: " + fast);
    System.out.printf(
        "mutated documents: %d, SnakeYAML fails on %d, read fast to the end: %d%n",
        MUTATED_DOCUMENTS, failing, fast);
  }

  @Test
  void loaderReportsTheSameProblemsAsWithSnakeYamlAlone() throws IOException {
    String synthetic = BlueprintMapper.yaml().writeValueAsString(SyntheticBlueprints.make(3, 9));
    List<String> seeds = new ArrayList<>();
    seeds.add(synthetic);
    seeds.add(
        Files.readString(
            Examples.root().resolve("examples/clickstream-analytics/advice/blueprint.yaml")));
    Random r = new Random(13);
    int syntax = 0;
    for (int i = 0; i < 600; i++) {
      String doc = i == 0 ? synthetic : mutate(seeds.get(r.nextInt(seeds.size())), r);
      List<String> fast = problems(doc, true);
      List<String> snake = problems(doc, false);
      assertEquals(snake, fast, "document " + i + ":\n" + doc);
      if (snake.stream().anyMatch(p -> p.startsWith("BP-YAML-001"))) {
        syntax++;
      }
    }
    assertTrue(syntax > 100, "syntax errors compared: " + syntax);
  }

  @Test
  void largeDocumentsReadOnTheProducingThreadReportTheSameProblems() throws IOException {
    String big = BlueprintMapper.yaml().writeValueAsString(SyntheticBlueprints.make(60, 21));
    assertTrue(big.length() >= BlueprintMapper.PIPELINE_MIN_CHARS, "pipelined: " + big.length());
    Random r = new Random(17);
    int syntax = 0;
    for (int i = 0; i < 12; i++) {
      String doc = i == 0 ? big : mutate(big, r);
      List<String> snake = problems(doc, false);
      assertEquals(snake, problems(doc, true), "large document " + i);
      if (snake.stream().anyMatch(p -> p.startsWith("BP-YAML-001"))) {
        syntax++;
      }
    }
    System.out.printf("large mutated documents: 11, with syntax errors: %d%n", syntax);
    assertTrue(syntax >= 3, "syntax errors compared: " + syntax);
  }

  private static List<String> problems(String doc, boolean fastEvents) {
    boolean before = PipelinedYamlFactory.fastEvents;
    PipelinedYamlFactory.fastEvents = fastEvents;
    try {
      BlueprintLoader.parse("b.yaml", doc.getBytes(StandardCharsets.UTF_8));
      return List.of("ok");
    } catch (ProblemException e) {
      return e.problems().stream()
          .map(p -> p.ruleId() + " " + p.location() + " " + p.path() + " " + p.message())
          .toList();
    } finally {
      PipelinedYamlFactory.fastEvents = before;
    }
  }

  /** Documents to mutate: generated ones, a small synthetic blueprint, the repository's YAML. */
  private static List<String> seeds() throws IOException {
    List<String> seeds = new ArrayList<>();
    RandomBlockYaml g = new RandomBlockYaml(3);
    for (int i = 0; i < 300; i++) {
      seeds.add(g.document());
    }
    seeds.add(BlueprintMapper.yaml().writeValueAsString(SyntheticBlueprints.make(2, 5)));
    try (Stream<Path> s = Files.walk(Examples.root().resolve("examples"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        String text = Files.readString(p);
        if (text.length() < 20_000) {
          seeds.add(text);
        }
      }
    }
    return seeds;
  }

  /** One to three random insertions, deletions or replacements, mostly near one place. */
  static String mutate(String doc, Random r) {
    StringBuilder b = new StringBuilder(doc);
    int count = 1 + r.nextInt(3);
    int at = b.length() == 0 ? 0 : r.nextInt(b.length());
    for (int k = 0; k < count; k++) {
      int p = Math.min(b.length(), Math.max(0, at + r.nextInt(40) - 20));
      char c = r.nextInt(4) == 0 ? ' ' : HOSTILE.charAt(r.nextInt(HOSTILE.length()));
      switch (r.nextInt(3)) {
        case 0 -> b.insert(p, c);
        case 1 -> {
          if (p < b.length()) {
            b.deleteCharAt(p);
          }
        }
        default -> {
          if (p < b.length()) {
            b.setCharAt(p, c);
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
