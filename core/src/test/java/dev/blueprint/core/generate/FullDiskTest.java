package dev.blueprint.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.testing.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
      assertEquals(List.of(), openFilesUnder(mount), "this JVM still holds files on the disk");
    } finally {
      unmount(mount);
    }
  }

  /** The files under {@code dir} that this process holds open (Linux: /proc/self/fd). */
  static List<Path> openFilesUnder(Path dir) throws IOException {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    try (var list = Files.list(fds)) {
      for (Path fd : list.toList()) {
        try {
          Path target = Files.readSymbolicLink(fd);
          if (target.startsWith(dir)) {
            out.add(target);
          }
        } catch (IOException gone) {
          // closed meanwhile, or the listing's own descriptor
        }
      }
    }
    return out;
  }

  /**
   * Unmounts the tmpfs. This process holds nothing on it (checked above), but another process on
   * the machine that happens to look into the temporary folder can keep it busy for a moment (seen
   * in CI as "Device or resource busy"): try again for a few seconds, then detach it lazily, which
   * lets the temporary folder be deleted.
   */
  static void unmount(Path mount) throws Exception {
    for (int i = 0; i < 20; i++) {
      if (run("umount", mount.toString()) == 0) {
        return;
      }
      Thread.sleep(250);
    }
    if (run("umount", "-l", mount.toString()) != 0) {
      throw new AssertionError("cannot unmount the tmpfs at " + mount);
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
