package dev.blueprint.core.advice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** The examples folder of the repository, found through the blueprint.root property. */
final class Examples {
  private Examples() {}

  static Path root() {
    String root = System.getProperty("blueprint.root");
    Path p = root == null ? Paths.get("..") : Paths.get(root);
    if (!Files.isDirectory(p.resolve("examples"))) {
      p = Paths.get("..");
    }
    return p.toAbsolutePath().normalize();
  }

  /** Every examples/NAME/requirements.yaml, by name. */
  static List<Path> requirements() throws IOException {
    try (Stream<Path> s = Files.list(root().resolve("examples"))) {
      return s.map(d -> d.resolve("requirements.yaml"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    }
  }
}
