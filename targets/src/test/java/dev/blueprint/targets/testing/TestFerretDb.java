package dev.blueprint.targets.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A MongoDB wire-protocol server for the tests: FerretDB v1 with its SQLite backend, built by
 * {@code make tools} from the Go module proxy (targets/src/test/servers/ferretdb), on 127.0.0.1
 * with its data in a temporary folder that {@link #close()} deletes; and mongosh from npm, the
 * client that the generated Makefile runs. Starts in well under a second.
 *
 * <p>FerretDB v1 does not implement collection validators, collMod or TTL indexes; see
 * checks/ferretdb_v1_shim.js for how the tests deal with that.
 */
public final class TestFerretDb implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path base;
  private final int port;
  private final Process server;
  private final Path mongosh;

  private TestFerretDb(Path base, int port, Process server, Path mongosh) {
    this.base = base;
    this.port = port;
    this.server = server;
    this.mongosh = mongosh;
  }

  public static TestFerretDb start() throws IOException {
    Path binary = TestTools.installed("bin/ferretdb-test", "FerretDB (Go module proxy)");
    Path mongosh = TestTools.installed("mongosh/node_modules/.bin/mongosh", "mongosh (npm)");
    Path base = Files.createTempDirectory("blueprint-ferretdb");
    Path data = Files.createDirectory(base.resolve("data"));
    int port = TestTools.freePort();
    Process server =
        new ProcessBuilder(
                binary.toString(), "-listen", "127.0.0.1:" + port, "-sqlite", data.toString())
            .redirectErrorStream(true)
            .redirectOutput(base.resolve("server.log").toFile())
            .start();
    TestFerretDb f = new TestFerretDb(base, port, server, mongosh);
    TestTools.cleanUpAtExit(server, base);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!TestTools.listening(port)) {
      if (!server.isAlive() || Instant.now().isAfter(deadline)) {
        String log = TestTools.tail(base.resolve("server.log"), 8000);
        f.close();
        throw new IllegalStateException("FerretDB did not start:\n" + log);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return f;
  }

  public String uri() {
    return "mongodb://127.0.0.1:" + port + "/";
  }

  /** mongosh URI --quiet FILES..., to its end. */
  public TestTools.Run mongosh(List<Path> files, Map<String, String> env) {
    List<String> cmd = new ArrayList<>(List.of(mongosh.toString(), uri(), "--quiet"));
    files.forEach(f -> cmd.add(f.toString()));
    return TestTools.run(cmd, env, Duration.ofSeconds(120));
  }

  /** A copy of a test resource (under /checks) in this server's folder. */
  public Path resource(String name) {
    Path out = base.resolve(name);
    try (InputStream in = TestFerretDb.class.getResourceAsStream("/checks/" + name)) {
      Files.write(out, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The JSON after "MARKER " on the line of a run's output that starts with it. */
  public static JsonNode marked(TestTools.Run run, String marker) {
    for (String line : run.output().split("\n")) {
      if (line.startsWith(marker + " ")) {
        try {
          return JSON.readTree(line.substring(marker.length() + 1));
        } catch (IOException e) {
          throw new UncheckedIOException(line, e);
        }
      }
    }
    throw new AssertionError("no " + marker + " line in:\n" + run.output());
  }

  @Override
  public void close() {
    TestTools.stop(server, Duration.ofSeconds(10));
    TestTools.delete(base);
  }
}
