package dev.blueprint.targets.testing;

import dev.blueprint.core.load.LoadedBlueprint;
import dev.blueprint.core.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's example blueprints, loaded and validated as the commands load them. */
public final class Examples {

  private Examples() {}

  /** The repository root (Maven passes it to the tests as blueprint.root). */
  public static Path root() {
    String root = System.getProperty("blueprint.root");
    return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
  }

  /** Every examples/NAME/blueprint.yaml, sorted. */
  public static List<Path> files() {
    try (Stream<Path> dirs = Files.list(root().resolve("examples"))) {
      return dirs.map(d -> d.resolve("blueprint.yaml"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads and validates one example. */
  public static LoadedBlueprint load(Path file) {
    try {
      return Validator.loadValid(file);
    } catch (dev.blueprint.core.problem.ProblemException e) {
      throw new IllegalStateException(file + " is not a valid blueprint: " + e.getMessage(), e);
    }
  }
}
