package dev.blueprint.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.TestFiles;
import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.load.LoadedBlueprint;
import dev.blueprint.core.model.EngagementKind;
import dev.blueprint.core.model.StoreFamily;
import dev.blueprint.core.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example validates without errors or warnings; the set covers the issue's engagements. */
class ExamplesTest {

  static Stream<Path> examples() {
    return TestFiles.exampleFiles();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void validatesCleanly(Path file) throws Exception {
    LoadedBlueprint loaded = Validator.loadValid(file);
    List<Problem> all = Validator.validate(loaded);
    assertEquals(List.of(), all, "an example should not even warn");
    boolean isBlueprintFile = file.getFileName().toString().equals("blueprint.yaml");
    assertEquals(isBlueprintFile, loaded.blueprint().isBlueprint(), file + ": architecture");
  }

  @Test
  void everyExampleFolderHasRequirementsAndBlueprint() throws IOException {
    List<Path> folders;
    try (Stream<Path> s = Files.list(TestFiles.root().resolve("examples"))) {
      folders = s.filter(Files::isDirectory).sorted().toList();
    }
    assertTrue(folders.size() >= 4, "at least four examples: " + folders);
    for (Path f : folders) {
      assertTrue(Files.isRegularFile(f.resolve("requirements.yaml")), f + "/requirements.yaml");
      assertTrue(Files.isRegularFile(f.resolve("blueprint.yaml")), f + "/blueprint.yaml");
    }
  }

  @Test
  void theExamplesCoverTheEngagementsTheIssueAsksFor() throws Exception {
    Path ex = TestFiles.root().resolve("examples");
    var clicks =
        BlueprintLoader.load(ex.resolve("clickstream-analytics/blueprint.yaml")).blueprint();
    assertTrue(
        clicks.architecture().datasets().stream()
            .anyMatch(
                d -> d.consolidates() != null && d.consolidates().by().contains("tracker_id")),
        "sessions consolidated by tracker id");
    var iot = BlueprintLoader.load(ex.resolve("iot-telemetry/blueprint.yaml")).blueprint();
    assertTrue(
        iot.architecture().datasets().stream().anyMatch(d -> d.store() == StoreFamily.WIDE_COLUMN));
    assertTrue(iot.sources().get(0).volume().peakEventsPerSecond() >= 100_000);
    var orders = BlueprintLoader.load(ex.resolve("orders-cdc/blueprint.yaml")).blueprint();
    assertEquals(EngagementKind.IMPROVE_EXISTING, orders.engagement().kind());
    assertFalse(orders.engagement().existingSystem().painPoints().isEmpty());
    var fraud = BlueprintLoader.load(ex.resolve("fraud-detection/blueprint.yaml")).blueprint();
    assertTrue(
        fraud.architecture().datasets().stream()
            .anyMatch(
                d ->
                    d.store() == StoreFamily.GRAPH
                        && d.references().stream().anyMatch(r -> r.dataset().equals("customers"))),
        "graph nodes reference customer records");
  }
}
