package dev.blueprint.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Paths the tests share: the repository root (set by surefire) and test resources. */
public final class TestFiles {
  private TestFiles() {}

  /** The repository root, from the system property surefire sets, else the parent folder. */
  public static Path root() {
    String root = System.getProperty("blueprint.root");
    Path p = root == null || root.isBlank() ? Path.of("..") : Path.of(root);
    return p.toAbsolutePath().normalize();
  }

  public static Path resource(String name) {
    return root().resolve("core/src/test/resources").resolve(name);
  }

  /** Every requirements or blueprint file under examples/. */
  public static Stream<Path> exampleFiles() {
    try (Stream<Path> s = Files.walk(root().resolve("examples"), 2)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The minimal valid blueprint that the rule tests modify. */
  public static String minimal() {
    try {
      return Files.readString(resource("valid/minimal-blueprint.yaml"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
