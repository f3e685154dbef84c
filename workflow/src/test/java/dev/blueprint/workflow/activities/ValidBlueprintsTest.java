package dev.blueprint.workflow.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The steps' remembered loads give what a fresh load gives, and notice every change. */
class ValidBlueprintsTest {

  @TempDir Path tmp;
  final ValidBlueprints valid = new ValidBlueprints();

  static Path example(String file) {
    return Path.of(System.getProperty("blueprint.root", ".."))
        .toAbsolutePath()
        .normalize()
        .resolve("examples/clickstream-analytics")
        .resolve(file);
  }

  @Test
  void sameFileSameContentIsLoadedOnceAndEqualsAFreshLoad() throws Exception {
    Path file = tmp.resolve("blueprint.yaml");
    Files.copy(example("blueprint.yaml"), file);
    Blueprint first = valid.load(file);
    assertSame(first, valid.load(file), "unchanged: not parsed again");
    assertEquals(Validator.loadValid(file).blueprint(), first);
  }

  @Test
  void aChangedFileIsLoadedAgain() throws Exception {
    Path file = tmp.resolve("blueprint.yaml");
    String text = Files.readString(example("blueprint.yaml"));
    Files.writeString(file, text);
    Blueprint first = valid.load(file);
    Files.writeString(file, text.replace("clickstream-analytics", "clickstream-renamed"));
    Blueprint second = valid.load(file);
    assertNotEquals(first, second);
    assertEquals("clickstream-renamed", second.engagement().id());
  }

  @Test
  void invalidFilesReportTheirProblemsEveryTime() throws Exception {
    Path file = tmp.resolve("blueprint.yaml");
    Files.writeString(file, Files.readString(example("blueprint.yaml")));
    valid.load(file);
    Files.writeString(file, "blueprint: 1\nengagement: {}\nnonsense: true\n");
    ProblemException first = assertThrows(ProblemException.class, () -> valid.load(file));
    ProblemException again = assertThrows(ProblemException.class, () -> valid.load(file));
    assertEquals(first.getMessage(), again.getMessage());
    ProblemException direct = assertThrows(ProblemException.class, () -> Validator.loadValid(file));
    assertEquals(direct.getMessage(), first.getMessage());
    assertTrue(first.getMessage().contains(file.toString()), first.getMessage());
  }

  @Test
  void aMissingFileIsReportedAsTheLoaderReportsIt() {
    Path file = tmp.resolve("none.yaml");
    ProblemException e = assertThrows(ProblemException.class, () -> valid.load(file));
    assertEquals(
        assertThrows(ProblemException.class, () -> Validator.loadValid(file)).getMessage(),
        e.getMessage());
  }
}
