package dev.blueprint.core.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.blueprint.core.TestFiles;
import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.problem.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under bad/ names on its first line the rule it breaks and where: {@code # expect:
 * BP-REF-001 12:7} (or {@code file} for the whole file). Loading and validating it must report that
 * rule as an error at that line and column, and the formatted message must carry the location.
 */
class BadInputCorpusTest {
  private static final Pattern EXPECT =
      Pattern.compile("# expect: (BP-[A-Z]+-\\d{3}) (\\d+:\\d+|file)");

  static Stream<Path> badInputs() throws IOException {
    try (Stream<Path> s = Files.list(TestFiles.resource("bad"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  /** Loads and validates; every problem, loader and semantic. */
  static List<Problem> problems(Path file) {
    try {
      return Validator.validate(BlueprintLoader.load(file));
    } catch (ProblemException e) {
      return e.problems();
    }
  }

  @Test
  void theCorpusHasAtLeastFortyFiveInputsCoveringManyRules() throws IOException {
    List<Path> files = badInputs().toList();
    assertTrue(files.size() >= 45, "only " + files.size() + " bad inputs");
    long rules =
        files.stream().map(BadInputCorpusTest::expectation).map(e -> e[0]).distinct().count();
    assertTrue(rules >= 40, "only " + rules + " distinct rules in the corpus");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void reportsTheExpectedRuleAtTheExpectedLocation(Path file) {
    String[] expect = expectation(file);
    List<Problem> problems = problems(file);
    String expectedPrefix =
        expect[1].equals("file") ? file + ": error " : file + ":" + expect[1] + ": error ";
    boolean found =
        problems.stream()
            .anyMatch(
                p ->
                    p.ruleId().equals(expect[0])
                        && p.severity() == Severity.ERROR
                        && p.format().startsWith(expectedPrefix + expect[0] + ": "));
    if (!found) {
      fail(
          "expected "
              + expect[0]
              + " at "
              + expect[1]
              + " in "
              + file.getFileName()
              + ", got:\n"
              + problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
    }
    for (Problem p : problems) {
      assertFalse(p.message().isBlank(), "empty message: " + p);
      assertFalse(p.format().contains("Exception"), "exception text leaks: " + p.format());
      assertFalse(p.format().contains("dev.blueprint"), "class names leak: " + p.format());
      assertFalse(p.format().contains("\n"), "a problem is one line: " + p.format());
    }
  }

  static String[] expectation(Path file) {
    try {
      String first = Files.readAllLines(file, StandardCharsets.ISO_8859_1).get(0);
      Matcher m = EXPECT.matcher(first);
      if (!m.find()) {
        throw new AssertionError(file + " has no '# expect: BP-XXX-000 line:column' header");
      }
      return new String[] {m.group(1), m.group(2)};
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
