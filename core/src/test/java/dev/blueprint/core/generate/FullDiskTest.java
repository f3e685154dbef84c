package dev.blueprint.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.testing.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails, a full disk above all, names the file it was writing. */
class FullDiskTest {

  @Test
  void aFailedWriteNamesItsFile(@TempDir Path dir) throws Exception {
    OutputTree out = new OutputTree(dir);
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                out.write(
                    "dags/x.py",
                    w -> {
                      throw new IOException("No space left on device");
                    }));
    assertEquals(
        "cannot write " + dir.resolve("dags/x.py") + ": No space left on device", e.getMessage());
  }

  /** On a real, tiny file system (a 64 KiB tmpfs), where this machine lets the test mount one. */
  @Test
  void aGenerationOnAFullDiskNamesThePath(@TempDir Path dir) throws Exception {
    Path mount = Files.createDirectories(dir.resolve("tiny"));
    Assumptions.assumeTrue(
        run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString()) == 0,
        "cannot mount a tmpfs here");
    try {
      Path target = mount.resolve("out");
      IOException e =
          assertThrows(
              IOException.class,
              () ->
                  Generator.standard()
                      .generate(Examples.clickstream(), target, GeneratorOptions.defaults("test")));
      assertTrue(
          e.getMessage()
              .matches(
                  "cannot write " + mount + "/\\.out\\.staging-\\d+/.+: No space left on device"),
          e.getMessage());
      try (var left = Files.list(mount)) {
        assertEquals(List.of(), left.toList(), "nothing left behind");
      }
    } finally {
      run("umount", mount.toString());
    }
  }

  static int run(String... cmd) throws Exception {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (IOException e) {
      return -1; // no such command
    }
  }
}
