package dev.blueprint.core.testing;

import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's examples/ and the shared reference folder, found from blueprint.root. */
public final class Examples {
  private Examples() {}

  /** The repository root (the build sets blueprint.root; the working folder otherwise). */
  public static Path root() {
    String r = System.getProperty("blueprint.root");
    Path p = r == null ? Path.of("").toAbsolutePath() : Path.of(r);
    return Files.isDirectory(p.resolve("examples")) ? p : p.getParent();
  }

  /** Every example folder holding a blueprint.yaml, sorted. */
  public static List<Path> blueprintExamples() {
    try (Stream<Path> s = Files.list(root().resolve("examples"))) {
      return s.filter(d -> Files.isRegularFile(d.resolve("blueprint.yaml"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The clickstream example's blueprint. */
  public static Blueprint clickstream() throws ProblemException {
    return BlueprintLoader.load(root().resolve("examples/clickstream-analytics/blueprint.yaml"))
        .blueprint();
  }

  /**
   * The Strimzi KafkaTopic schema in shared/reference beside the repository ({@code
   * ${blueprint.root}/../shared}); a git worktree further down finds it in an ancestor's shared/.
   */
  public static Path strimziSchema() {
    String rel = "shared/reference/strimzi-kafkatopic-crd-schema.yaml";
    for (Path p = root().toAbsolutePath().getParent(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve(rel))) {
        return p.resolve(rel);
      }
    }
    throw new AssertionError("no " + rel + " beside " + root() + " or above it");
  }
}
