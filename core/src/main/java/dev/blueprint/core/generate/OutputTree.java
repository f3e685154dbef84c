package dev.blueprint.core.generate;

import dev.blueprint.core.problem.Location;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The folder a generation writes into. Every path is relative, checked to stay inside the root (no
 * absolute paths, no {@code ..}, no backslashes or control characters, no symlinked parents),
 * written once, as UTF-8 with LF line ends, and streamed to disk rather than held in memory.
 */
public final class OutputTree {
  private final Path root;
  private final Path realRoot;
  private final Path previous;
  private final Path realPrevious;
  private final SortedSet<String> written = new TreeSet<>();
  private final SortedSet<String> teamOwned = new TreeSet<>();

  public OutputTree(Path root) throws IOException {
    this(root, null);
  }

  /**
   * A tree that replaces an earlier generation in {@code previous} (null for none): files that the
   * team owns once written there ({@link #writeOnce}) are carried over as the team left them.
   */
  public OutputTree(Path root, Path previous) throws IOException {
    Files.createDirectories(root);
    this.root = root;
    this.realRoot = root.toRealPath();
    this.previous = previous;
    this.realPrevious = previous == null ? null : previous.toRealPath();
  }

  /** Files the team owns: written once as a starting point, never overwritten, sorted. */
  public synchronized SortedSet<String> teamOwned() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(teamOwned));
  }

  /**
   * Writes a starting point that the team then owns, such as a job or script stub: when the earlier
   * generation has the file, its bytes are kept as they are, so regenerating never overwrites the
   * team's work.
   */
  public void writeOnce(String relativePath, String content) throws IOException, ProblemException {
    Optional<byte[]> kept = previousBytes(relativePath);
    if (kept.isPresent()) {
      writeBytes(relativePath, kept.get());
    } else {
      write(relativePath, content);
    }
    synchronized (this) {
      teamOwned.add(relativePath);
    }
  }

  /**
   * Carries over team-owned files of the earlier generation that this one did not write (their task
   * left the blueprint): they stay, and stay team-owned, rather than being deleted.
   */
  public void keepTeamOwned(Collection<String> earlierTeamOwned)
      throws IOException, ProblemException {
    for (String path : earlierTeamOwned) {
      boolean known;
      synchronized (this) {
        known = written.contains(path);
      }
      if (known) {
        continue;
      }
      Optional<byte[]> kept = previousBytes(path);
      if (kept.isPresent()) {
        writeBytes(path, kept.get());
        synchronized (this) {
          teamOwned.add(path);
        }
      }
    }
  }

  private Optional<byte[]> previousBytes(String relativePath) throws IOException, ProblemException {
    checkSyntax(relativePath);
    if (previous == null) {
      return Optional.empty();
    }
    Path file = previous.resolve(relativePath).normalize();
    if (!file.startsWith(previous.normalize())
        || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        || !file.getParent().toRealPath().startsWith(realPrevious)) {
      return Optional.empty();
    }
    return Optional.of(Files.readAllBytes(file));
  }

  public Path root() {
    return root;
  }

  /** The earlier generation this tree replaces, or null. */
  public Path previous() {
    return previous;
  }

  /** Relative paths written so far, sorted. */
  public synchronized SortedSet<String> written() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(written));
  }

  /** Writes a text file; CRLF and CR become LF. */
  public void write(String relativePath, String content) throws IOException, ProblemException {
    String lf = content.replace("\r\n", "\n").replace('\r', '\n');
    writeBytes(relativePath, lf.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a file's bytes as they are. */
  public void writeBytes(String relativePath, byte[] bytes) throws IOException, ProblemException {
    Files.write(claim(relativePath), bytes);
  }

  /** Writes text by streaming it into the file, for output too large to hold as one string. */
  public void writeStreaming(String relativePath, TextSource content)
      throws IOException, ProblemException {
    try (Writer w =
        new BufferedWriter(
            new OutputStreamWriter(
                Files.newOutputStream(claim(relativePath)), StandardCharsets.UTF_8),
            1 << 16)) {
      content.writeTo(w);
    }
  }

  /** Text written to a writer, with LF line ends. */
  @FunctionalInterface
  public interface TextSource {
    void writeTo(Writer out) throws IOException;
  }

  /** Records the path as written once, creates its folder and checks it; the path to write. */
  private Path claim(String relativePath) throws IOException, ProblemException {
    Path target = resolve(relativePath);
    synchronized (this) {
      if (!written.add(relativePath)) {
        throw new ProblemException(
            Problem.error(
                "BP-GEN-003",
                Location.ofFile(relativePath),
                "",
                "two parts of the generator write the same file"));
      }
    }
    Files.createDirectories(target.getParent());
    checkInside(target.getParent().toRealPath(), relativePath);
    if (Files.isSymbolicLink(target)) {
      throw escape(relativePath, "is a symbolic link");
    }
    return target;
  }

  /** Marks a written file executable (scripts). */
  public void makeExecutable(String relativePath) throws IOException, ProblemException {
    Path p = resolve(relativePath);
    try {
      Files.setPosixFilePermissions(
          p, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the README says to run scripts with bash
    }
  }

  /** The absolute path of a relative one, after checking that it stays inside the root. */
  public Path resolve(String relativePath) throws ProblemException {
    checkSyntax(relativePath);
    Path target = root.resolve(relativePath).normalize();
    if (!target.startsWith(root.normalize())) {
      throw escape(relativePath, "leaves the output folder");
    }
    return target;
  }

  /** Refuses paths that could leave the root or confuse tools: the checks of {@link #write}. */
  public static void checkSyntax(String relativePath) throws ProblemException {
    if (relativePath == null || relativePath.isEmpty()) {
      throw escape(String.valueOf(relativePath), "is empty");
    }
    if (relativePath.startsWith("/") || relativePath.contains("\\") || relativePath.contains(":")) {
      throw escape(relativePath, "is absolute or uses a backslash or drive letter");
    }
    for (int i = 0; i < relativePath.length(); i++) {
      if (Character.isISOControl(relativePath.charAt(i))) {
        throw escape(relativePath, "contains a control character");
      }
    }
    for (String part : relativePath.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw escape(relativePath, "has an empty, '.' or '..' segment");
      }
    }
  }

  private void checkInside(Path realParent, String relativePath) throws ProblemException {
    if (!realParent.startsWith(realRoot)) {
      throw escape(relativePath, "resolves outside the output folder through a symbolic link");
    }
  }

  private static ProblemException escape(String relativePath, String why) {
    return new ProblemException(
        Problem.error(
            "BP-PATH-002",
            Location.ofFile(relativePath),
            "",
            "refused to write '" + relativePath.replaceAll("\\p{Cntrl}", "?") + "': it " + why));
  }

  static boolean isRegularFileNoFollow(Path p) {
    return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
  }
}
