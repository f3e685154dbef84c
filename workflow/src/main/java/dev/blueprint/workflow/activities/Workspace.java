package dev.blueprint.workflow.activities;

import dev.blueprint.core.generate.Generator;
import dev.blueprint.core.io.FileMutex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * One folder per engagement under a root: {@code requirements.yaml}, {@code advice/}, {@code
 * revisions/N/blueprint.yaml} and {@code review.json}, {@code generated/} (the rendered tree),
 * {@code repo/} (the published git repository), {@code provision/} (what was applied where). A file
 * {@code .engagement} names the workflow run that created the folder, so that compensation never
 * removes a folder it did not create.
 */
public final class Workspace {

  static final String OWNER_FILE = ".engagement";

  private final Path root;

  public Workspace(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  public Path dir(String slug) {
    if (!slug.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("not an engagement id: " + slug);
    }
    return root.resolve(slug);
  }

  public Path requirements(String slug) {
    return dir(slug).resolve("requirements.yaml");
  }

  public Path advice(String slug) {
    return dir(slug).resolve("advice");
  }

  public Path revision(String slug, int revision) {
    return dir(slug).resolve("revisions").resolve(Integer.toString(revision));
  }

  public Path blueprint(String slug, int revision) {
    return revision(slug, revision).resolve("blueprint.yaml");
  }

  public Path review(String slug, int revision) {
    return revision(slug, revision).resolve("review.json");
  }

  public Path generated(String slug) {
    return dir(slug).resolve("generated");
  }

  public Path repository(String slug) {
    return dir(slug).resolve("repo");
  }

  public Path provisionState(String slug) {
    return dir(slug).resolve("provision");
  }

  public Path notifications(String slug) {
    return dir(slug).resolve("notifications.log");
  }

  /** The owner recorded in the folder, or null when there is none. */
  public String owner(String slug) throws IOException {
    Path f = dir(slug).resolve(OWNER_FILE);
    return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8).strip() : null;
  }

  /**
   * Creates the folder for {@code owner}, or accepts it when {@code owner} already holds it (a
   * retry). Refuses a folder another run or a person created.
   */
  public Path claim(String slug, String owner) throws IOException {
    Path dir = dir(slug);
    Files.createDirectories(dir);
    String current = owner(slug);
    if (current == null) {
      if (!isEmpty(dir)) {
        throw new WorkspaceTakenException(
            dir
                + " exists and was not created by an engagement; move it away or choose another id");
      }
      writeAtomically(dir.resolve(OWNER_FILE), owner + "\n");
    } else if (!current.equals(owner)) {
      throw new WorkspaceTakenException(
          dir
              + " belongs to an earlier run of engagement "
              + slug
              + "; remove the folder (or move it away) to run it again");
    }
    return dir;
  }

  /** Removes the folder if {@code owner} created it; does nothing otherwise. */
  public void release(String slug, String owner) throws IOException {
    Path dir = dir(slug);
    if (!Files.exists(dir)) {
      return;
    }
    String current = owner(slug);
    if (owner.equals(current) || (current == null && isEmpty(dir))) {
      Generator.deleteRecursively(dir);
    }
  }

  /**
   * Holds the engagement's lock for a step that stages into {@code .STEP-*} folders of its
   * workspace (e.g. {@code advice}), and removes the staging folders a killed attempt left: no live
   * attempt owns them, since it would hold the lock. Close it when the step is done.
   */
  public FileMutex stage(String slug, String step) throws IOException {
    Path dir = dir(slug);
    FileMutex held = FileMutex.acquire(dir.resolve("." + step + ".lock"), STAGE_WAIT);
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.toList()) {
        if (p.getFileName().toString().startsWith("." + step + "-") && Files.isDirectory(p)) {
          Generator.deleteRecursively(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      held.close();
      throw e;
    }
    return held;
  }

  private static final java.time.Duration STAGE_WAIT = java.time.Duration.ofSeconds(30);

  /** Writes through a temporary file and a move, so that a crash leaves the old or new content. */
  public static void writeAtomically(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      try {
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
      } catch (IOException e) {
        // a full disk says only "No space left on device": name the file
        throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  /** The folder is someone else's. */
  public static final class WorkspaceTakenException extends IOException {
    public WorkspaceTakenException(String message) {
      super(message);
    }
  }
}
