package dev.blueprint.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.synth.SyntheticBlueprints;
import dev.blueprint.core.testing.Examples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The loader binds the model from the tokens its reader recorded instead of parsing the text a
 * second time; the result must be what Jackson makes of the text itself.
 */
class BlueprintLoaderBindingTest {

  @Test
  void everyExampleBindsAsFromTheText() throws Exception {
    List<Path> files = new ArrayList<>();
    for (Path dir : Examples.blueprintExamples()) {
      files.add(dir.resolve("blueprint.yaml"));
      if (Files.isRegularFile(dir.resolve("requirements.yaml"))) {
        files.add(dir.resolve("requirements.yaml"));
      }
    }
    assertFalse(files.isEmpty());
    for (Path file : files) {
      String text = Files.readString(file);
      Blueprint fromText = BlueprintMapper.yaml().readValue(text, Blueprint.class);
      assertEquals(fromText, BlueprintLoader.load(file).blueprint(), file.toString());
    }
  }

  @Test
  void aSyntheticBlueprintBindsAsFromTheText() throws Exception {
    String text = BlueprintMapper.yaml().writeValueAsString(SyntheticBlueprints.make(200, 9));
    Blueprint fromText = BlueprintMapper.yaml().readValue(text, Blueprint.class);
    Blueprint loaded =
        BlueprintLoader.parse("s.yaml", text.getBytes(StandardCharsets.UTF_8)).blueprint();
    assertEquals(fromText, loaded);
  }

  @Test
  void numbersDatesAndDurationsKeepTheirTypes() throws Exception {
    String text =
        """
        blueprint: 1
        engagement:
          id: typed
        requirements:
          nonFunctional:
            - id: NFR-1
              text: t
              value: 6000
            - id: NFR-2
              text: t
              value: 99.95
        architecture:
          streams:
            - name: a.v1
              partitions: 12
              retention: 7d
          pipelines:
            - id: p
              startDate: 2026-01-31
        """;
    Blueprint b =
        BlueprintLoader.parse("t.yaml", text.getBytes(StandardCharsets.UTF_8)).blueprint();
    assertEquals(6000.0, b.requirements().nonFunctional().get(0).value());
    assertEquals(99.95, b.requirements().nonFunctional().get(1).value());
    assertEquals(12, b.architecture().streams().get(0).partitions());
    assertEquals(java.time.Duration.ofDays(7), b.architecture().streams().get(0).retention());
    assertNotNull(b.architecture().pipelines().get(0).startDate());
    assertEquals(BlueprintMapper.yaml().readValue(text, Blueprint.class), b);
  }

  @Test
  void aWrongTypeIsStillReported() {
    String text =
        "blueprint: 2\nengagement:\n  id: x\narchitecture:\n  streams:\n    - name: a\n      partitions: many\n";
    assertThrows(
        ProblemException.class,
        () -> BlueprintLoader.parse("w.yaml", text.getBytes(StandardCharsets.UTF_8)));
  }
}
