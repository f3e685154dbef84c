package dev.blueprint.workflow.activities;

import dev.blueprint.core.generate.Generator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Publishes with the {@code git} command: the repository's work tree is made equal to the generated
 * tree and committed with the trailer {@code Blueprint-Revision: N}. A revision already committed
 * is not committed again, which makes a retried publish a no-op.
 */
public final class GitCliPublisher implements PublishPort {

  /** The trailer that marks the revision a commit publishes. */
  public static final String TRAILER = "Blueprint-Revision";

  @Override
  public Published publish(Path tree, Path repository, int revision, String message)
      throws IOException {
    if (!Files.isDirectory(tree)) {
      throw new IOException("nothing to publish: " + tree + " does not exist");
    }
    if (!Files.isDirectory(repository.resolve(".git"))) {
      Files.createDirectories(repository);
      git(repository, "init", "-q", "-b", "main");
    }
    if (!committedRevisions(repository).contains(Integer.toString(revision))) {
      sync(tree, repository);
      git(repository, "add", "-A");
      git(
          repository,
          "-c",
          "user.name=blueprint",
          "-c",
          "user.email=blueprint@localhost",
          "commit",
          "-q",
          "--allow-empty",
          "-m",
          message,
          "-m",
          TRAILER + ": " + revision);
    }
    return new Published(repository, git(repository, "rev-parse", "HEAD").strip(), null);
  }

  @Override
  public void unpublish(Path repository) throws IOException {
    Generator.deleteRecursively(repository);
  }

  /** The revisions committed so far, newest first. */
  public static List<String> committedRevisions(Path repository) throws IOException {
    if (!Files.isDirectory(repository.resolve(".git"))) {
      return List.of();
    }
    String head = git(repository, "rev-parse", "-q", "--verify", "HEAD", "--allow-failure");
    if (head.isBlank()) {
      return List.of();
    }
    String out = git(repository, "log", "--format=%(trailers:key=" + TRAILER + ",valueonly)");
    return out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static void sync(Path tree, Path repository) throws IOException {
    try (Stream<Path> entries = Files.list(repository)) {
      for (Path p : entries.toList()) {
        if (!p.getFileName().toString().equals(".git")) {
          Generator.deleteRecursively(p);
        }
      }
    }
    try (Stream<Path> all = Files.walk(tree)) {
      for (Path source : all.toList()) {
        Path target = repository.resolve(tree.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static String git(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("git");
    boolean allowFailure = false;
    for (String a : args) {
      if (a.equals("--allow-failure")) {
        allowFailure = true;
      } else {
        command.add(a);
      }
    }
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("git " + String.join(" ", args) + " timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (p.exitValue() != 0) {
      if (allowFailure) {
        return "";
      }
      throw new IOException("git " + String.join(" ", args) + " failed: " + out.strip());
    }
    return out;
  }
}
