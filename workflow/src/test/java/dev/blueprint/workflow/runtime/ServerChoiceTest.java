package dev.blueprint.workflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code up} picks its server, with real processes: the Temporal CLI that {@code make tools}
 * builds, {@code false} standing in for a binary that is not one, and loopback HTTP servers
 * standing in for the release site (a wrong archive, a silent host, a refused connection).
 */
class ServerChoiceTest {

  @TempDir Path tmp;

  final List<String> notes = new ArrayList<>();

  /** The Temporal CLI from {@code make tools}; aborts the test outside CI when it is missing. */
  static Path temporal() {
    Path bin =
        Path.of(System.getProperty("blueprint.root", ".."))
            .toAbsolutePath()
            .normalize()
            .resolve("build/tools/bin/temporal");
    if (!Files.isExecutable(bin)) {
      String why = "the Temporal CLI is not built at " + bin + "; run make tools";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(why);
      }
      Assumptions.abort(why);
    }
    return bin;
  }

  static Path falseBinary() {
    for (String p : List.of("/bin/false", "/usr/bin/false")) {
      if (Files.isExecutable(Path.of(p))) {
        return Path.of(p);
      }
    }
    throw new AssertionError("no false(1) on this machine");
  }

  ServerChoice.Request request(Path cli, boolean offline, Map<String, String> env) {
    return new ServerChoice.Request(
        tmp.resolve("state"), cli, offline, false, 0, env, Duration.ofSeconds(5));
  }

  /** A folder holding only {@code temporal}, a link to {@code target}: a PATH entry. */
  Path pathWith(String name, Path target) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.createSymbolicLink(dir.resolve("temporal"), target);
    return dir;
  }

  @Test
  void stateDirDefaultsFollowXdgAndTheOptionsEnvironmentWins() {
    String home = System.getProperty("user.home");
    assertEquals(Path.of(home, ".local/state/blueprint"), ServerChoice.defaultStateDir(Map.of()));
    assertEquals(
        Path.of("/x/state/blueprint"),
        ServerChoice.defaultStateDir(Map.of("XDG_STATE_HOME", "/x/state")));
    assertEquals(
        Path.of(home, ".local/state/blueprint"),
        ServerChoice.defaultStateDir(Map.of("XDG_STATE_HOME", "relative")),
        "the XDG spec ignores a relative XDG_STATE_HOME");
    assertEquals(
        Path.of("/y"),
        ServerChoice.defaultStateDir(
            Map.of("XDG_STATE_HOME", "/x/state", ServerChoice.STATE_ENV, "/y")));
  }

  @Test
  void theStateDirIsCreatedForItsOwnerOnlyAndAFileInTheWayIsAClearError() throws IOException {
    Path state = ServerChoice.prepareStateDir(tmp.resolve("a/b/state"));
    assertTrue(Files.isDirectory(state));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));

    Path file = Files.writeString(tmp.resolve("plain"), "x");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ServerChoice.prepareStateDir(file));
    assertEquals("state directory " + file + " is a file, not a folder", e.getMessage());
    assertEquals("x", Files.readString(file), "left as it was");
  }

  @Test
  void theOptionBeatsTheEnvironmentWhichBeatsPathWhichBeatsTheFetchedCopy() throws IOException {
    Path real = temporal();
    Path state = ServerChoice.prepareStateDir(tmp.resolve("state"));
    Path onPath = pathWith("path", real);
    Path cached = ServerChoice.cachedBinary(state);
    Files.createDirectories(cached.getParent());
    Files.createSymbolicLink(cached, real);
    Path viaEnv = pathWith("env", real).resolve("temporal");
    Path viaOption = pathWith("option", real).resolve("temporal");
    Map<String, String> env =
        Map.of("PATH", "/nonexistent:" + onPath, ServerChoice.CLI_ENV, viaEnv.toString());

    ServerChoice.Binary b = ServerChoice.find(request(viaOption, true, env), state, notes::add);
    assertEquals(new ServerChoice.Binary(viaOption, "--temporal-cli"), b);
    b = ServerChoice.find(request(null, true, env), state, notes::add);
    assertEquals(new ServerChoice.Binary(viaEnv, ServerChoice.CLI_ENV), b);
    b =
        ServerChoice.find(
            request(null, true, Map.of("PATH", "/nonexistent:" + onPath)), state, notes::add);
    assertEquals(new ServerChoice.Binary(onPath.resolve("temporal"), "PATH"), b);
    b = ServerChoice.find(request(null, true, Map.of("PATH", "/nonexistent")), state, notes::add);
    assertEquals(new ServerChoice.Binary(cached, "fetched earlier into the state directory"), b);
    assertEquals(List.of(), notes);
  }

  @Test
  void aBinaryThatIsNotATemporalCliIsNamedAndTheInMemoryServerRuns() throws IOException {
    Path f = falseBinary();
    try (ServerChoice.Running r =
        ServerChoice.start(request(f, false, Map.of("PATH", "")), notes::add)) {
      assertFalse(r.persistent());
      assertTrue(r.describe().startsWith("in-memory Temporal test server"), r.describe());
      assertTrue(r.keeps().contains("forgets"), r.keeps());
    }
    // GNU false answers --version (and still exits 1): the note quotes what it said
    assertEquals(1, notes.size(), notes.toString());
    assertTrue(
        notes
            .get(0)
            .startsWith("--temporal-cli: " + f + " is not a Temporal CLI (`--version` exited 1"),
        notes.get(0));
    assertTrue(notes.get(0).endsWith("; running the in-memory server instead"), notes.get(0));

    notes.clear();
    Path missing = tmp.resolve("no-such-temporal");
    assertNull(
        ServerChoice.find(
            request(null, false, Map.of(ServerChoice.CLI_ENV, missing.toString())),
            tmp,
            notes::add),
        "a binary named on purpose is not replaced by a download");
    assertEquals(
        List.of(
            ServerChoice.CLI_ENV
                + ": "
                + missing
                + " does not exist; running the in-memory server instead"),
        notes);

    notes.clear();
    Path notExecutable = Files.writeString(tmp.resolve("temporal.txt"), "#!/bin/sh\n");
    assertNull(ServerChoice.find(request(notExecutable, false, Map.of()), tmp, notes::add));
    assertEquals(
        List.of(
            "--temporal-cli: "
                + notExecutable
                + " is not an executable file; running the in-memory server instead"),
        notes);
  }

  @Test
  void offlineWithNothingInstalledRunsInMemoryWithoutTouchingTheNetwork() throws IOException {
    AtomicInteger hits = new AtomicInteger();
    HttpServer site =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    site.createContext(
        "/",
        x -> {
          hits.incrementAndGet();
          x.sendResponseHeaders(404, -1);
          x.close();
        });
    site.start();
    try {
      Path notTemporal = pathWith("path", falseBinary());
      Map<String, String> env =
          Map.of(
              "PATH",
              notTemporal.toString(),
              ServerChoice.OFFLINE_ENV,
              "1",
              ServerChoice.MIRROR_ENV,
              "http://127.0.0.1:" + site.getAddress().getPort());
      try (ServerChoice.Running r = ServerChoice.start(request(null, false, env), notes::add)) {
        assertFalse(r.persistent());
        assertEquals(
            "in-memory Temporal test server (no Temporal CLI found and downloads are off"
                + " (--offline or BLUEPRINT_OFFLINE))",
            r.describe());
      }
      assertEquals(1, notes.size(), notes.toString());
      assertTrue(
          notes
              .get(0)
              .startsWith(
                  "temporal on PATH: "
                      + notTemporal.resolve("temporal")
                      + " is not a Temporal CLI (`--version` exited 1"),
          notes.get(0));
      assertTrue(notes.get(0).endsWith("; not using it"), notes.get(0));
      assertEquals(0, hits.get(), "offline: no request made");

      // BLUEPRINT_OFFLINE=0 is not offline: the (local) site is asked, answers 404.
      notes.clear();
      Map<String, String> online = new HashMap<>(env);
      online.put(ServerChoice.OFFLINE_ENV, "0");
      online.put("PATH", "");
      assertNull(ServerChoice.find(request(null, false, online), tmp, notes::add));
      assertEquals(1, hits.get());
      assertTrue(notes.get(0).contains("answered HTTP 404"), notes.toString());
    } finally {
      site.stop(0);
    }
  }

  @Test
  void anArchiveWhoseChecksumDiffersIsRejectedAndLeavesNothingBehind() throws IOException {
    byte[] archive = tarGz("temporal", "#!/bin/sh\necho temporal version 1.5.1\n");
    HttpServer site =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    List<String> paths = new ArrayList<>();
    site.createContext(
        "/",
        x -> {
          paths.add(x.getRequestURI().getPath());
          x.sendResponseHeaders(200, archive.length);
          try (OutputStream out = x.getResponseBody()) {
            out.write(archive);
          }
        });
    site.start();
    try {
      Path state = ServerChoice.prepareStateDir(tmp.resolve("state"));
      Map<String, String> env =
          Map.of(
              "PATH",
              "",
              ServerChoice.MIRROR_ENV,
              "http://127.0.0.1:" + site.getAddress().getPort() + "/");
      assertNull(ServerChoice.find(request(null, false, env), state, notes::add));
      String platform = ServerChoice.platform();
      assertEquals(
          List.of("/v1.5.1/temporal_cli_1.5.1_" + platform + ".tar.gz"),
          paths,
          "the pinned release, named as the release names it");
      assertEquals(1, notes.size(), notes.toString());
      assertTrue(
          notes.get(0).contains("has SHA-256 " + sha256(archive) + ", not the pinned "),
          notes.get(0));
      assertTrue(notes.get(0).startsWith("could not fetch the Temporal CLI 1.5.1 ("), notes.get(0));
      try (var left = Files.list(ServerChoice.cachedBinary(state).getParent())) {
        assertEquals(List.of(), left.toList(), "no archive, no partial binary");
      }
    } finally {
      site.stop(0);
    }
  }

  @Test
  void aSilentHostOrARefusedConnectionFallsBackWithinTheDeadline() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      // accepts connections (the backlog) and never answers
      Map<String, String> env =
          Map.of("PATH", "", ServerChoice.MIRROR_ENV, "http://127.0.0.1:" + silent.getLocalPort());
      long t0 = System.nanoTime();
      ServerChoice.Request quick =
          new ServerChoice.Request(
              tmp.resolve("state"), null, false, false, 0, env, Duration.ofSeconds(1));
      assertNull(ServerChoice.find(quick, tmp, notes::add));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms < 5000, "gave up after " + ms + " ms");
      assertTrue(notes.get(0).contains("within 1 s"), notes.toString());
    }
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    notes.clear();
    Map<String, String> env =
        Map.of("PATH", "", ServerChoice.MIRROR_ENV, "http://127.0.0.1:" + closed);
    assertNull(ServerChoice.find(request(null, false, env), tmp, notes::add));
    assertTrue(notes.get(0).contains("127.0.0.1 is unreachable"), notes.toString());
    assertTrue(notes.get(0).endsWith("(--offline skips the attempt)"), notes.toString());
  }

  @Test
  void oneUpPerStateDirectory() {
    ServerChoice.Request memory =
        new ServerChoice.Request(
            tmp.resolve("state"), null, true, true, 0, Map.of(), Duration.ofSeconds(1));
    try (ServerChoice.Running first = ServerChoice.start(memory, notes::add)) {
      assertEquals("in-memory Temporal test server (asked for with --in-memory)", first.describe());
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> ServerChoice.start(memory, notes::add));
      assertTrue(e.getMessage().startsWith("another blueprint up is using the state directory "));
    }
    // closed: the lock is released
    ServerChoice.start(memory, notes::add).close();
  }

  @Test
  void theCliDevServerKeepsItsSqliteFileInTheStateDirAndATakenPortIsAnError() throws Exception {
    Path real = temporal();
    Path state = tmp.resolve("state");
    try (ServerChoice.Running r =
        ServerChoice.start(request(real, true, Map.of("PATH", "")), notes::add)) {
      assertTrue(r.persistent(), notes.toString());
      assertEquals(state.resolve("temporal.db"), r.database());
      assertTrue(Files.isRegularFile(r.database()));
      assertTrue(r.describe().contains("with SQLite at " + state.resolve("temporal.db")));
      assertTrue(r.address().startsWith("127.0.0.1:"), r.address());
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), r.port())) {
        assertTrue(s.isConnected());
      }
      // the same port for a second up, with its own state: refused before any server starts
      ServerChoice.Request clash =
          new ServerChoice.Request(
              tmp.resolve("other"), real, true, false, r.port(), Map.of(), Duration.ofSeconds(1));
      UncheckedIOException e =
          assertThrows(UncheckedIOException.class, () -> ServerChoice.start(clash, notes::add));
      assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + r.port()));
    }
    assertEquals(List.of(), notes);
  }

  @Test
  void theExecutableIsUnpackedFromTheArchiveAndAnArchiveWithoutItIsAnError() throws Exception {
    Path archive = Files.write(tmp.resolve("a.tar.gz"), tarGz("temporal", "#!/bin/sh\n"));
    Path to = Files.createTempFile(tmp, "temporal", ".extracting");
    ServerChoice.extract(archive, "temporal", to);
    assertEquals("#!/bin/sh\n", Files.readString(to));

    Path other = Files.write(tmp.resolve("b.tar.gz"), tarGz("README.md", "hi"));
    IOException e =
        assertThrows(IOException.class, () -> ServerChoice.extract(other, "temporal", to));
    assertTrue(e.getMessage().startsWith("the archive has no temporal executable"), e.getMessage());
    try (var left = Files.list(tmp)) {
      assertEquals(3, left.count(), "the two archives and the target, nothing else");
    }
  }

  static byte[] tarGz(String name, String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      byte[] data = content.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry e = new TarArchiveEntry(name);
      e.setSize(data.length);
      e.setMode(0755);
      tar.putArchiveEntry(e);
      tar.write(data);
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }

  static String sha256(byte[] data) throws IOException {
    Path f = Files.createTempFile("sha", ".bin");
    try {
      Files.write(f, data);
      return ServerChoice.sha256(f);
    } finally {
      Files.delete(f);
    }
  }
}
