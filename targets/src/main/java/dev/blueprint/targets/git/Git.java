package dev.blueprint.targets.git;

import dev.blueprint.targets.TargetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code git} command in one folder, with a fixed environment: no prompts, no signing, no
 * user or system config that could change what a commit looks like.
 */
final class Git {

  private final Path dir;
  private final Map<String, String> env;

  Git(Path dir, Map<String, String> env) {
    this.dir = dir;
    this.env = env;
  }

  /** Runs git with {@code args}; returns its trimmed standard output or throws with its error. */
  String run(String... args) {
    Result r = tryRun(args);
    if (r.exit() != 0) {
      throw new TargetException(
          "git " + String.join(" ", args) + " failed in " + dir + ": " + r.err().strip());
    }
    return r.out().strip();
  }

  /** Runs git and returns its exit code and output, whatever the exit code. */
  Result tryRun(String... args) {
    List<String> cmd = new ArrayList<>(List.of("git", "-c", "commit.gpgsign=false"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().putAll(env);
    pb.environment().put("GIT_TERMINAL_PROMPT", "0");
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("LC_ALL", "C");
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      var err = new java.util.concurrent.CompletableFuture<String>();
      Thread t =
          new Thread(
              () -> {
                try {
                  err.complete(
                      new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                  err.complete(e.getMessage());
                }
              });
      t.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new TargetException("git " + String.join(" ", args) + " timed out in " + dir);
      }
      t.join();
      return new Result(p.exitValue(), out, err.join());
    } catch (IOException e) {
      throw new TargetException("cannot run git (is it installed?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TargetException("git was interrupted", e);
    }
  }

  record Result(int exit, String out, String err) {}
}
