package dev.blueprint.workflow.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.load.BlueprintMapper;
import dev.blueprint.core.load.LoadedBlueprint;
import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.problem.Severity;
import dev.blueprint.core.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    Files.writeString(file, "blueprint: 2\nengagement: {}\nnonsense: true\n");
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

  @Test
  void aRememberedProposalIsServedWhileTheFileHoldsItsBytes() throws Exception {
    Path file = tmp.resolve("blueprint.yaml");
    byte[] bytes = Files.readAllBytes(example("blueprint.yaml"));
    Files.write(file, bytes);
    Blueprint proposal = Validator.loadValid(file).blueprint();
    assertTrue(valid.remember(file, bytes, proposal));
    assertSame(proposal, valid.load(file), "not parsed again");
  }

  @Test
  void aRememberedProposalIsNotServedOnceTheFileIsEdited() throws Exception {
    Path file = tmp.resolve("blueprint.yaml");
    String text = Files.readString(example("blueprint.yaml"));
    Files.writeString(file, text);
    Blueprint proposal = Validator.loadValid(file).blueprint();
    assertTrue(valid.remember(file, text.getBytes(StandardCharsets.UTF_8), proposal));
    Files.writeString(file, text.replace("clickstream-analytics", "clickstream-edited"));
    assertEquals("clickstream-edited", valid.load(file).engagement().id());
    Files.writeString(file, "blueprint: 2\nengagement: {}\nnonsense: true\n");
    ProblemException e = assertThrows(ProblemException.class, () -> valid.load(file));
    assertEquals(
        assertThrows(ProblemException.class, () -> Validator.loadValid(file)).getMessage(),
        e.getMessage(),
        "an edited invalid file is reported as a fresh load reports it");
  }

  @Test
  void anInvalidProposalIsNotRememberedSoItsFileIsLoadedAndReportedWithLines() throws Exception {
    Path file = tmp.resolve("blueprint.yaml");
    String text = Files.readString(example("blueprint.yaml"));
    Files.writeString(file, text);
    Blueprint good = Validator.loadValid(file).blueprint();
    // an architecture that lists every dataset twice: duplicate names
    Blueprint broken =
        new Blueprint(
            good.blueprint(),
            good.engagement(),
            good.requirements(),
            good.sources(),
            good.consumers(),
            withDatasetsTwice(good));
    assertNotEquals(List.of(), errors(broken), "the broken proposal is invalid in memory");
    String brokenText = BlueprintMapper.yaml().writeValueAsString(broken);
    Files.writeString(file, brokenText);
    assertFalse(valid.remember(file, brokenText.getBytes(StandardCharsets.UTF_8), broken));
    ProblemException e = assertThrows(ProblemException.class, () -> valid.load(file));
    assertTrue(e.getMessage().contains(file + ":"), e.getMessage());
  }

  private static List<Problem> errors(Blueprint b) {
    return Validator.validate(LoadedBlueprint.inMemory(b, "x")).stream()
        .filter(p -> p.severity() == Severity.ERROR)
        .toList();
  }

  private static Architecture withDatasetsTwice(Blueprint b) {
    Architecture a = b.architecture();
    List<Dataset> twice = new ArrayList<>(a.datasets());
    twice.addAll(a.datasets());
    return new Architecture(twice, a.streams(), a.pipelines(), a.caches(), a.decisions());
  }
}
