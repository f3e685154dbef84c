package dev.blueprint.workflow.runtime;

import io.temporal.testing.TemporalDevServer;
import io.temporal.testing.TemporalDevServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Which Temporal server {@code blueprint up} runs. The Temporal CLI's dev server with its SQLite
 * file in the state directory keeps engagements across restarts; it runs when a CLI binary is
 * found: named by {@code --temporal-cli} or {@value #CLI_ENV}, else {@code temporal} on PATH, else
 * one fetched earlier into the state directory, else fetched now (pinned version, SHA-256 checked)
 * unless offline ({@code --offline} or {@value #OFFLINE_ENV}). Otherwise, or if that server will
 * not start, the in-memory Java test server runs, and a one-line note says why.
 */
public final class ServerChoice {

  public static final String CLI_ENV = "BLUEPRINT_TEMPORAL_CLI";
  public static final String OFFLINE_ENV = "BLUEPRINT_OFFLINE";
  public static final String STATE_ENV = "BLUEPRINT_STATE_DIR";

  /** Where releases are fetched from; a mirror with the same layout may replace it. */
  public static final String MIRROR_ENV = "BLUEPRINT_TEMPORAL_CLI_MIRROR";

  public static final String CLI_VERSION = "1.5.1";
  static final String RELEASES = "https://github.com/temporalio/cli/releases/download";

  /**
   * SHA-256 of the release archives temporal_cli_1.5.1_OS_ARCH.tar.gz (as published by the
   * temporalio/cli release; the same sums are pinned by Hermit's temporal-cli package).
   */
  static final Map<String, String> SHA256 =
      Map.of(
          "linux_amd64", "ddc95e08b0b076efd4ea9733a3f488eb7d2be875f8834e616cd2a37358b4852d",
          "linux_arm64", "bd1b0db9f18b051026de8bf6cc1505f2510f14bbb7a8b9a4a91fff46c77454f5",
          "darwin_amd64", "bbb73e2a31135abe50a1f1cdb35030c42961df618e8ce9c60ae89f201540c5d9",
          "darwin_arm64", "cca01b7ea35ad56e2a328d9ae596bf716bd22313ef63c7a761c88354457c2415");

  private static final Duration VERSION_DEADLINE = Duration.ofSeconds(10);
  private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(60);

  /**
   * What the user asked for.
   *
   * @param stateDir the state directory (created if missing, owner-only)
   * @param cli the binary named by {@code --temporal-cli}, or null
   * @param offline true when {@code --offline} was given (the environment may also say so)
   * @param inMemory true to run the in-memory server whatever is installed
   * @param port the port on 127.0.0.1 (0 = a free one)
   * @param env the environment (PATH, {@value #CLI_ENV}, {@value #OFFLINE_ENV}, {@value
   *     #MIRROR_ENV})
   * @param downloadDeadline how long fetching the CLI may take before giving up
   */
  public record Request(
      Path stateDir,
      Path cli,
      boolean offline,
      boolean inMemory,
      int port,
      Map<String, String> env,
      Duration downloadDeadline) {}

  /** A Temporal CLI binary and where it was found (for the user). */
  record Binary(Path path, String from) {}

  private ServerChoice() {}

  /** $XDG_STATE_HOME/blueprint, else ~/.local/state/blueprint; {@value #STATE_ENV} wins. */
  public static Path defaultStateDir(Map<String, String> env) {
    String explicit = env.get(STATE_ENV);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_STATE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "blueprint");
    }
    return Path.of(System.getProperty("user.home"), ".local", "state", "blueprint");
  }

  /** Creates the state directory, readable by its owner only (it holds every engagement). */
  public static Path prepareStateDir(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    if (Files.exists(abs) && !Files.isDirectory(abs)) {
      throw new IllegalArgumentException("state directory " + abs + " is a file, not a folder");
    }
    try {
      if (!Files.isDirectory(abs)) {
        Files.createDirectories(abs.getParent());
        try {
          Files.createDirectory(
              abs,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException raced) {
          // another process made it first: use it
        } catch (UnsupportedOperationException notPosix) {
          Files.createDirectories(abs);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot create the state directory " + abs + " (" + e.getMessage() + ")", e);
    }
    if (!Files.isWritable(abs)) {
      throw new IllegalArgumentException("state directory " + abs + " is not writable");
    }
    return abs;
  }

  /**
   * Starts the server {@code request} leads to. {@code notes} receives one line for each choice
   * that fell through (a bad binary, a failed download, a server that did not start).
   *
   * @throws IllegalStateException if another {@code up} uses the state directory
   * @throws UncheckedIOException if the port is taken
   */
  public static Running start(Request request, Consumer<String> notes) {
    Path state = prepareStateDir(request.stateDir());
    FileLock lock = lock(state);
    try {
      Running running = startLocked(request, state, notes, lock);
      lock = null;
      return running;
    } finally {
      if (lock != null) {
        release(lock);
      }
    }
  }

  private static Running startLocked(
      Request request, Path state, Consumer<String> notes, FileLock lock) {
    if (request.inMemory()) {
      return inMemory(request.port(), state, "asked for with --in-memory", lock);
    }
    Binary binary = find(request, state, notes);
    if (binary == null) {
      String why =
          offline(request)
              ? "no Temporal CLI found and downloads are off (--offline or " + OFFLINE_ENV + ")"
              : "no Temporal CLI found or fetched";
      return inMemory(request.port(), state, why, lock);
    }
    stopOrphan(state, notes);
    requirePortFree(request.port());
    Path db = state.resolve("temporal.db");
    Path log = state.resolve("temporal.log");
    try {
      TemporalDevServer server =
          TemporalDevServer.start(
              TemporalDevServerOptions.newBuilder()
                  .setExistingPath(binary.path().toString())
                  .setDownloadEnabled(false)
                  .setIp("127.0.0.1")
                  .setPort(request.port() == 0 ? null : request.port())
                  .setDatabaseFilename(db.toString())
                  .setLogFile(log.toString())
                  .setWorkingDirectory(state.toString())
                  .setStartupTimeout(STARTUP_DEADLINE)
                  .build());
      recordChild(state, binary);
      return new Running(null, server, binary, db, state, lock, "");
    } catch (RuntimeException | LinkageError e) {
      notes.accept(
          "the Temporal CLI dev server ("
              + binary.path()
              + ") did not start: "
              + firstLine(e.getMessage())
              + " (log: "
              + log
              + "); running the in-memory server instead");
      return inMemory(request.port(), state, "the Temporal CLI dev server did not start", lock);
    }
  }

  /**
   * Records the dev server's process (pid and start time) in the state directory: an {@code up}
   * killed with SIGKILL leaves its child running, holding the port and the SQLite file, and the
   * next {@code up} on this directory stops it.
   */
  private static void recordChild(Path state, Binary binary) {
    String name = binary.path().getFileName().toString();
    ProcessHandle.current()
        .children()
        .filter(h -> h.info().command().map(c -> c.endsWith("/" + name)).orElse(false))
        .reduce(
            (a, b) ->
                b.info()
                        .startInstant()
                        .orElse(java.time.Instant.MIN)
                        .isAfter(a.info().startInstant().orElse(java.time.Instant.MIN))
                    ? b
                    : a)
        .ifPresent(
            h -> {
              try {
                Files.writeString(
                    state.resolve("temporal.pid"),
                    h.pid() + " " + h.info().startInstant().map(Object::toString).orElse("-"));
              } catch (IOException e) {
                // without the record an orphan is found by its port: only the message is worse
              }
            });
  }

  /** Stops the dev server an earlier, killed {@code up} left running on this state directory. */
  private static void stopOrphan(Path state, Consumer<String> notes) {
    Path record = state.resolve("temporal.pid");
    if (!Files.isRegularFile(record)) {
      return;
    }
    try {
      String[] f = Files.readString(record).strip().split(" ");
      long pid = Long.parseLong(f[0]);
      ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          // the same process, not a later one given the same pid
          .filter(h -> !"-".equals(f[1]))
          .filter(h -> h.info().startInstant().map(Object::toString).orElse("-").equals(f[1]))
          .ifPresent(
              h -> {
                h.destroy();
                boolean gone =
                    h.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join() != null;
                if (!gone) {
                  h.destroyForcibly();
                  h.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
                }
                notes.accept(
                    "stopped the Temporal CLI dev server (pid "
                        + pid
                        + ") that a killed up left running on "
                        + state);
              });
      Files.deleteIfExists(record);
    } catch (IOException | RuntimeException e) {
      // an unreadable record: the port check below still names a server left running
    }
  }

  /** The binary to run, or null; notes say why a candidate was passed over. */
  static Binary find(Request request, Path state, Consumer<String> notes) {
    Map<String, String> env = request.env();
    String envCli = blankToNull(env.get(CLI_ENV));
    if (request.cli() != null || envCli != null) {
      Binary named =
          request.cli() != null
              ? new Binary(request.cli(), "--temporal-cli")
              : new Binary(Path.of(envCli), CLI_ENV);
      String problem = problem(named.path());
      if (problem == null) {
        return named;
      }
      // Named on purpose: say so and do not look elsewhere, which would surprise.
      notes.accept(named.from() + ": " + problem + "; running the in-memory server instead");
      return null;
    }
    Path onPath = onPath(env.get("PATH"));
    if (onPath != null) {
      String problem = problem(onPath);
      if (problem == null) {
        return new Binary(onPath, "PATH");
      }
      notes.accept("temporal on PATH: " + problem + "; not using it");
    }
    Path cached = cachedBinary(state);
    if (Files.isExecutable(cached)) {
      return new Binary(cached, "fetched earlier into the state directory");
    }
    if (offline(request)) {
      return null;
    }
    try {
      return new Binary(
          download(mirror(env), platform(), cached, request.downloadDeadline()),
          "fetched now into the state directory");
    } catch (IOException | RuntimeException e) {
      notes.accept(
          "could not fetch the Temporal CLI "
              + CLI_VERSION
              + " ("
              + firstLine(e.getMessage())
              + "); running the in-memory server (--offline skips the attempt)");
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  static Path cachedBinary(Path state) {
    return state.resolve("temporal-cli").resolve(CLI_VERSION).resolve("temporal");
  }

  /** Null if {@code bin} is a runnable Temporal CLI, else what is wrong with it. */
  static String problem(Path bin) {
    if (!Files.exists(bin)) {
      return bin + " does not exist";
    }
    if (!Files.isRegularFile(bin) || !Files.isExecutable(bin)) {
      return bin + " is not an executable file";
    }
    Path out = null;
    try {
      out = Files.createTempFile("temporal-version", ".txt");
      Process p =
          new ProcessBuilder(bin.toString(), "--version")
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
              .start();
      if (!p.waitFor(VERSION_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "`" + bin + " --version` gave no answer in " + VERSION_DEADLINE.toSeconds() + " s";
      }
      String said = Files.readString(out, StandardCharsets.UTF_8).strip();
      if (p.exitValue() != 0 || !said.startsWith("temporal version ")) {
        return bin
            + " is not a Temporal CLI (`--version` exited "
            + p.exitValue()
            + (said.isEmpty() ? "" : ", saying \"" + firstLine(said) + "\"")
            + ")";
      }
      return null;
    } catch (IOException e) {
      return bin + " cannot be run (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while running " + bin;
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException ignored) {
          // a temp file
        }
      }
    }
  }

  static Path onPath(String path) {
    if (path == null) {
      return null;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, "temporal");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate.toAbsolutePath();
      }
    }
    return null;
  }

  static boolean offline(Request request) {
    String v = blankToNull(request.env().get(OFFLINE_ENV));
    return request.offline()
        || (v != null && !List.of("0", "false", "no").contains(v.toLowerCase(Locale.ROOT)));
  }

  static String mirror(Map<String, String> env) {
    String m = blankToNull(env.get(MIRROR_ENV));
    return m == null ? RELEASES : m.replaceAll("/+$", "");
  }

  static String platform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String o = os.contains("linux") ? "linux" : os.contains("mac") ? "darwin" : os;
    String a = arch.equals("x86_64") || arch.equals("amd64") ? "amd64" : arch;
    return o + "_" + (a.equals("aarch64") ? "arm64" : a);
  }

  /**
   * Fetches the pinned release archive for {@code platform} from {@code base}, checks its SHA-256,
   * and puts its {@code temporal} executable at {@code target} (atomically). The whole fetch has
   * {@code deadline}; nothing is left behind on failure.
   */
  static Path download(String base, String platform, Path target, Duration deadline)
      throws IOException, InterruptedException {
    String expected = SHA256.get(platform);
    if (expected == null) {
      throw new IOException("no Temporal CLI release is pinned for " + platform);
    }
    URI uri =
        URI.create(
            base
                + "/v"
                + CLI_VERSION
                + "/temporal_cli_"
                + CLI_VERSION
                + "_"
                + platform
                + ".tar.gz");
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(deadline)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    Files.createDirectories(target.getParent());
    Path archive = Files.createTempFile(target.getParent(), "temporal-cli", ".tar.gz");
    Path extracted = Files.createTempFile(target.getParent(), "temporal", ".extracting");
    try {
      // The deadline covers the whole transfer: a server that answers and then stalls is dropped.
      CompletableFuture<HttpResponse<Path>> call =
          http.sendAsync(
              HttpRequest.newBuilder(uri).timeout(deadline).GET().build(),
              HttpResponse.BodyHandlers.ofFile(archive));
      HttpResponse<Path> response;
      try {
        response = call.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        call.cancel(true);
        throw new IOException("no complete answer from " + uri + " within " + seconds(deadline));
      } catch (ExecutionException e) {
        throw new IOException(uri.getHost() + " is unreachable: " + DevServer.rootMessage(e), e);
      }
      if (response.statusCode() != 200) {
        throw new IOException(uri + " answered HTTP " + response.statusCode());
      }
      String actual = sha256(archive);
      if (!actual.equals(expected)) {
        throw new IOException(
            uri + " has SHA-256 " + actual + ", not the pinned " + expected + ": not used");
      }
      extract(archive, "temporal", extracted);
      if (!extracted.toFile().setExecutable(true, true)) {
        throw new IOException("cannot make " + extracted + " executable");
      }
      try {
        Files.move(
            extracted, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(extracted, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } finally {
      Files.deleteIfExists(archive);
      Files.deleteIfExists(extracted);
    }
  }

  /** Unpacks {@code name} from a .tar.gz into {@code to}. */
  static void extract(Path archive, String name, Path to) throws IOException {
    try (InputStream in = Files.newInputStream(archive);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (entry.isFile() && entry.getName().replaceFirst("^\\./", "").equals(name)) {
          try (OutputStream out = Files.newOutputStream(to, StandardOpenOption.TRUNCATE_EXISTING)) {
            tar.transferTo(out);
          }
          return;
        }
      }
    }
    throw new IOException("the archive has no " + name + " executable");
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Running inMemory(int port, Path state, String why, FileLock lock) {
    return new Running(DevServer.start(port), null, null, null, state, lock, why);
  }

  private static void requirePortFree(int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      probe.setReuseAddress(true);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + ")", e);
    }
  }

  /** One {@code up} per state directory: two dev servers on one SQLite file would corrupt it. */
  private static FileLock lock(Path state) {
    try {
      FileChannel channel =
          FileChannel.open(
              state.resolve("up.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new IllegalStateException(
            "another blueprint up is using the state directory "
                + state
                + "; stop it or give --state-dir");
      }
      return lock;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + state.resolve("up.lock"), e);
    }
  }

  private static void release(FileLock lock) {
    try {
      lock.channel().close();
    } catch (IOException ignored) {
      // closing releases the lock; nothing else to do
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win")
            ? "NUL"
            : "/dev/null");
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "no reason given";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The server that runs: either the CLI dev server (persistent) or the in-memory one. */
  public static final class Running implements AutoCloseable {
    private final DevServer memory;
    private final TemporalDevServer cli;
    private final Binary binary;
    private final Path db;
    private final Path state;
    private final FileLock lock;
    private final String why;

    private Running(
        DevServer memory,
        TemporalDevServer cli,
        Binary binary,
        Path db,
        Path state,
        FileLock lock,
        String why) {
      this.memory = memory;
      this.cli = cli;
      this.binary = binary;
      this.db = db;
      this.state = state;
      this.lock = lock;
      this.why = why;
    }

    /** True for the CLI dev server, whose SQLite file keeps engagements across restarts. */
    public boolean persistent() {
      return cli != null;
    }

    public String address() {
      return persistent() ? cli.getTarget() : memory.address();
    }

    public int port() {
      String a = address();
      return Integer.parseInt(a.substring(a.lastIndexOf(':') + 1));
    }

    public Path stateDir() {
      return state;
    }

    /** The SQLite file of the CLI dev server, or null in memory. */
    public Path database() {
      return db;
    }

    /** One line: which server runs, and why (for the in-memory one). */
    public String describe() {
      return persistent()
          ? "Temporal CLI dev server ("
              + binary.path()
              + ", from "
              + binary.from()
              + ") with SQLite at "
              + db
          : "in-memory Temporal test server (" + why + ")";
    }

    /** One line: what survives a restart of {@code up}. */
    public String keeps() {
      return persistent()
          ? "engagements, their history and pending reviews survive a restart of up"
          : "the server forgets engagements when up stops, by Ctrl-C or a crash; their"
              + " checkpoints in the workspace let the next up resume the unfinished ones";
    }

    /** Waits until the in-memory server stops (the CLI one until this process ends). */
    public void awaitTermination() throws InterruptedException {
      if (memory != null) {
        memory.awaitTermination();
      } else {
        Thread.currentThread().join();
      }
    }

    @Override
    public void close() {
      try {
        if (memory != null) {
          memory.close();
        } else {
          cli.close();
          Files.deleteIfExists(state.resolve("temporal.pid"));
        }
      } catch (IOException e) {
        // a stale record names a process that is gone: the next up ignores it
      } finally {
        release(lock);
      }
    }
  }
}
