package dev.blueprint.workflow;

import dev.blueprint.targets.git.GitPublisher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the {@code git} command reads of a published repository: the tests check the in-process
 * (JGit) publisher's commits with the real git.
 */
final class GitLog {
  private GitLog() {}

  /** The revisions committed on the published branch (their trailers), newest first. */
  static List<String> revisions(Path repository) throws IOException {
    if (!Files.isDirectory(repository.resolve(".git"))) {
      return List.of();
    }
    Process p =
        new ProcessBuilder(
                "git",
                "log",
                GitPublisher.BRANCH,
                "--format=%(trailers:key=" + GitPublisher.TRAILER + ",valueonly)")
            .directory(repository.toFile())
            .redirectErrorStream(true)
            .start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("git log timed out in " + repository);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (p.exitValue() != 0) {
      return List.of(); // no commits yet
    }
    return out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
