package dev.blueprint.core.generate.storage;

import dev.blueprint.core.generate.Contributor;
import dev.blueprint.core.generate.GenerationContext;
import dev.blueprint.core.generate.GeneratorOptions;
import dev.blueprint.core.generate.OutputTree;
import dev.blueprint.core.generate.Templates;
import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.model.Blueprint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.stream.Stream;

/** Runs contributors alone into a folder and reads their files back; finds the examples. */
public final class Generated {
  private final Path root;
  private final SortedSet<String> files;

  private Generated(Path root, SortedSet<String> files) {
    this.root = root;
    this.files = files;
  }

  /** The repository root: the blueprint.root system property, else the working folder's parent. */
  public static Path repositoryRoot() {
    String root = System.getProperty("blueprint.root");
    if (root != null && !root.isBlank() && !root.startsWith("${")) {
      return Path.of(root);
    }
    Path cwd = Path.of("").toAbsolutePath();
    return Files.isDirectory(cwd.resolve("examples")) ? cwd : cwd.getParent();
  }

  /** Every examples/NAME/blueprint.yaml, sorted. */
  public static List<Path> exampleBlueprints() throws Exception {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(repositoryRoot().resolve("examples"))) {
      for (Path dir : dirs.sorted().toList()) {
        if (Files.isRegularFile(dir.resolve("blueprint.yaml"))) {
          out.add(dir.resolve("blueprint.yaml"));
        }
      }
    }
    return out;
  }

  public static Blueprint load(Path file) throws Exception {
    return BlueprintLoader.load(file).blueprint();
  }

  public static Blueprint clickstream() throws Exception {
    return load(repositoryRoot().resolve("examples/clickstream-analytics/blueprint.yaml"));
  }

  /** Runs the contributors, in order, into {@code dir}. */
  public static Generated run(Blueprint b, Path dir, Contributor... contributors) throws Exception {
    OutputTree out = new OutputTree(dir);
    GenerationContext context =
        new GenerationContext(b, GeneratorOptions.defaults("test"), Templates.packaged(), out);
    for (Contributor c : contributors) {
      c.contribute(context);
    }
    return new Generated(dir, out.written());
  }

  public SortedSet<String> files() {
    return files;
  }

  public Path path(String relative) {
    return root.resolve(relative);
  }

  public String read(String relative) throws Exception {
    if (!files.contains(relative)) {
      throw new AssertionError(relative + " was not written; written: " + files);
    }
    return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
  }

  public List<String> filesUnder(String prefix, String suffix) {
    return files.stream().filter(f -> f.startsWith(prefix) && f.endsWith(suffix)).toList();
  }
}
