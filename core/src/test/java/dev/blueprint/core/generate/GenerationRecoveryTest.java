package dev.blueprint.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.testing.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a generation killed mid-way leaves beside its target (the staging folder, the backup of the
 * previous generation, a .git the swap had moved aside) is put right by the next generation, which
 * leaves nothing of its own behind either.
 */
class GenerationRecoveryTest {

  private static final GeneratorOptions OPTIONS = GeneratorOptions.defaults("test");

  private static List<String> siblings(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aStagingFolderOfAKilledGenerationIsRemoved(@TempDir Path dir) throws Exception {
    Blueprint b = Examples.clickstream();
    Path target = dir.resolve("generated");
    Path staging = Files.createDirectories(dir.resolve(".generated.staging-123/dags"));
    Files.writeString(staging.resolve("half.py"), "# half writ");
    Generator.standard().generate(b, target, OPTIONS);
    assertEquals(List.of("generated"), siblings(dir), "no staging folder, no lock file left");
  }

  @Test
  void aSwapKilledHalfWayGetsTheRepositoryHistoryBack(@TempDir Path dir) throws Exception {
    Blueprint b = Examples.clickstream();
    Path target = dir.resolve("repo");
    Generator.standard().generate(b, target, OPTIONS);
    Files.createDirectories(target.resolve(".git/refs"));
    Files.writeString(target.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    // killed inside swap(): .git moved into the staging folder, the target moved to its backup
    Path staging = Files.createDirectories(dir.resolve(".repo.staging-1"));
    Files.move(target.resolve(".git"), staging.resolve(".git"));
    Files.move(target, dir.resolve(".repo.previous-2"));

    Generator.standard().generate(b, target, OPTIONS);
    assertEquals(List.of("repo"), siblings(dir));
    assertEquals("ref: refs/heads/main\n", Files.readString(target.resolve(".git/HEAD")));
    assertTrue(Files.isRegularFile(target.resolve(Generator.MARKER)));
  }
}
