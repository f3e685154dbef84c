package dev.blueprint.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.testing.DagChecks;
import dev.blueprint.core.testing.Examples;
import dev.blueprint.core.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: every example's generated repository is committed under examples/NAME/generated/
 * and must equal a fresh render, file by file. After an intended change of output, regenerate them
 * with {@code make golden} (or {@code -Dblueprint.golden.update=true}).
 */
class GoldenTest {

  static final String UPDATE = "blueprint.golden.update";

  /** The options goldens are rendered with: the defaults, stamped with the project version. */
  static GeneratorOptions options() {
    return GeneratorOptions.defaults(System.getProperty("blueprint.version", "0.1.0-SNAPSHOT"));
  }

  @TestFactory
  Stream<DynamicTest> everyExampleMatchesItsGoldenFiles() {
    List<Path> examples = Examples.blueprintExamples();
    assertFalse(examples.isEmpty(), "no examples with a blueprint.yaml");
    return examples.stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> compare(dir)));
  }

  private static void compare(Path example) throws Exception {
    Blueprint b = BlueprintLoader.load(example.resolve("blueprint.yaml")).blueprint();
    Path golden = example.resolve("generated");
    Path fresh = Files.createTempDirectory("golden-");
    try {
      Path out = fresh.resolve("repo");
      Generator.standard().generate(b, out, options());
      Map<String, String> actual = Trees.read(out);
      if (Boolean.getBoolean(UPDATE)) {
        Generator.deleteRecursively(golden);
        Files.createDirectories(golden.getParent());
        copy(out, golden);
        return;
      }
      String difference = Trees.firstDifference(Trees.read(golden), actual);
      if (difference != null) {
        fail(
            "the generated repository of "
                + example.getFileName()
                + " differs from its golden files in "
                + golden
                + ":\n"
                + difference
                + "\nIf the change is intended, regenerate the goldens with `make golden` (or mvn"
                + " -Dblueprint.golden.update=true test -pl core -Dtest=GoldenTest) and commit"
                + " them.");
      }
      DagChecks.check(b, golden, 3);
    } finally {
      Generator.deleteRecursively(fresh);
    }
  }

  private static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    assertEquals(Trees.read(from), Trees.read(to));
  }
}
