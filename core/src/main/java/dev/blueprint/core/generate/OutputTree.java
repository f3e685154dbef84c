package dev.blueprint.core.generate;

import dev.blueprint.core.problem.Location;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

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

  /** Folders created and checked to resolve inside the root, so each is checked once. */
  private final Set<Path> checkedFolders = ConcurrentHashMap.newKeySet();

  /** Where writes run while a generation renders in parallel; null: on the calling thread. */
  private WritePool pool;

  /** Paths queued on the pool and not yet written, and those to make executable once written. */
  private final Set<String> pending = new HashSet<>();

  private final Set<String> executableOnceWritten = new HashSet<>();

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
    writeOnce(relativePath, () -> content);
  }

  /**
   * Like {@link #writeOnce(String, String)}, with content made when the file is written (on a
   * render thread when the generation renders in parallel).
   */
  public void writeOnce(String relativePath, Content content) throws IOException, ProblemException {
    writeOnce(relativePath, w -> w.write(content.text()));
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

  /** How many paths were claimed so far. */
  public synchronized int writtenCount() {
    return written.size();
  }

  /** Writes a text file; CRLF and CR become LF. */
  public void write(String relativePath, String content) throws IOException, ProblemException {
    write(relativePath, () -> content);
  }

  /**
   * Writes a text file whose content is made when the file is written: on a render thread when the
   * generation renders in parallel, else at once. CRLF and CR become LF.
   */
  public void write(String relativePath, Content content) throws IOException, ProblemException {
    write(relativePath, w -> w.write(content.text()));
  }

  /** Text for a file, made when the file is written. */
  @FunctionalInterface
  public interface Content {
    String text() throws IOException, ProblemException;
  }

  /** Text for a file, written into a writer when the file is written (e.g. a template). */
  @FunctionalInterface
  public interface Rendering {
    void renderTo(Writer out) throws IOException, ProblemException;
  }

  /**
   * Like {@link #write(String, Content)}, for text written into a writer: encoded as it comes into
   * a buffer the render thread reuses from file to file, with the same bytes as the text given as a
   * string.
   */
  public void write(String relativePath, Rendering rendering) throws IOException, ProblemException {
    Path target = claimPath(relativePath);
    run(relativePath, () -> writeRendered(target, relativePath, rendering));
  }

  /** Like {@link #writeOnce(String, Content)}, for text written into a writer. */
  public void writeOnce(String relativePath, Rendering rendering)
      throws IOException, ProblemException {
    Path target = claimPath(relativePath);
    synchronized (this) {
      teamOwned.add(relativePath);
    }
    run(
        relativePath,
        () -> {
          Optional<byte[]> kept = previousBytes(relativePath);
          if (kept.isPresent()) {
            writeTo(target, relativePath, kept.get());
          } else {
            writeRendered(target, relativePath, rendering);
          }
        });
  }

  /** One buffer per thread that renders, reused from file to file. */
  private static final ThreadLocal<Utf8LfBuffer> BUFFERS =
      ThreadLocal.withInitial(Utf8LfBuffer::new);

  private void writeRendered(Path target, String relativePath, Rendering rendering)
      throws IOException, ProblemException {
    Utf8LfBuffer buffer = BUFFERS.get();
    buffer.reset();
    try {
      rendering.renderTo(buffer);
      buffer.finish();
      try (OutputStream o = open(target, relativePath)) {
        o.write(buffer.bytes(), 0, buffer.size());
      }
    } finally {
      buffer.reset();
    }
  }

  /** {@code content} with CRLF and CR as LF, the line ends of every file written from a string. */
  public static String lf(String content) {
    // one scan for the usual text without CR, instead of two replaces' scans
    return content.indexOf('\r') < 0 ? content : content.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** Writes a file's bytes as they are. */
  public void writeBytes(String relativePath, byte[] bytes) throws IOException, ProblemException {
    Path target = claimPath(relativePath);
    run(relativePath, () -> writeTo(target, relativePath, bytes));
  }

  /** Writes text by streaming it into the file, for output too large to hold as one string. */
  public void writeStreaming(String relativePath, TextSource content)
      throws IOException, ProblemException {
    Path target = claimPath(relativePath);
    run(
        relativePath,
        () -> {
          try (Writer w =
              new BufferedWriter(
                  new OutputStreamWriter(open(target, relativePath), StandardCharsets.UTF_8),
                  1 << 16)) {
            content.writeTo(w);
          }
        });
  }

  /** Text written to a writer, with LF line ends. */
  @FunctionalInterface
  public interface TextSource {
    void writeTo(Writer out) throws IOException;
  }

  /**
   * Renders and writes on {@code pool} from now on, until {@link #sequential}; null: on the calling
   * thread.
   */
  void parallel(WritePool pool) {
    this.pool = pool;
  }

  /** Writes on the calling thread again. */
  void sequential() {
    this.pool = null;
  }

  /** Runs a write of {@code relativePath} now, or queues it on the pool. */
  private void run(String relativePath, WritePool.Job unnamed)
      throws IOException, ProblemException {
    WritePool.Job job =
        () -> {
          try {
            unnamed.run();
          } catch (IOException e) {
            throw naming(resolve(relativePath), e);
          }
        };
    WritePool p = pool;
    if (p == null) {
      job.run();
      return;
    }
    synchronized (pending) {
      pending.add(relativePath);
    }
    p.submit(
        () -> {
          boolean executable;
          try {
            job.run();
          } finally {
            synchronized (pending) {
              pending.remove(relativePath);
              executable = executableOnceWritten.remove(relativePath);
            }
          }
          if (executable) {
            chmodExecutable(resolve(relativePath));
          }
        });
  }

  /**
   * {@code e}, or when its message does not name {@code file} (a full disk says only "No space left
   * on device"), an exception that does, with {@code e} as its cause.
   */
  static IOException naming(Path file, IOException e) {
    String message = e.getMessage();
    if (message != null && message.contains(file.toString())) {
      return e;
    }
    return new IOException(
        "cannot write " + file + ": " + (message == null ? e.getClass().getSimpleName() : message),
        e);
  }

  /**
   * Records the path as written once and checks its syntax; the path to write. Done on the calling
   * thread, in order, so that a path written twice is refused the same way however files render.
   */
  private Path claimPath(String relativePath) throws ProblemException {
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
    return target;
  }

  /** Creates the file's folder, checks it and the file, and writes the bytes. */
  private void writeTo(Path target, String relativePath, byte[] bytes)
      throws IOException, ProblemException {
    try (OutputStream o = open(target, relativePath)) {
      o.write(bytes);
    }
  }

  /**
   * Opens a claimed file for writing, after creating its folder and checking that the folder
   * resolves inside the root (once per folder) and that the file is not a symbolic link.
   */
  private OutputStream open(Path target, String relativePath) throws IOException, ProblemException {
    Path parent = target.getParent();
    if (!checkedFolders.contains(parent)) {
      Files.createDirectories(parent);
      checkInside(parent.toRealPath(), relativePath);
      checkedFolders.add(parent);
    }
    try {
      // a new file in a folder of ours: creating it exclusively also refuses a symbolic link there
      return Files.newOutputStream(
          target,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
    } catch (FileAlreadyExistsException e) {
      if (Files.isSymbolicLink(target)) {
        throw escape(relativePath, "is a symbolic link");
      }
      return Files.newOutputStream(target);
    }
  }

  /** Marks a written file executable (scripts); a file still queued is marked once written. */
  public void makeExecutable(String relativePath) throws IOException, ProblemException {
    Path p = resolve(relativePath);
    synchronized (pending) {
      if (pending.contains(relativePath)) {
        executableOnceWritten.add(relativePath);
        return;
      }
    }
    chmodExecutable(p);
  }

  private static void chmodExecutable(Path p) throws IOException {
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
