package dev.blueprint.targets.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A real Neo4j server for the tests: Neo4j Community 5.26 LTS from Maven Central (version pinned in
 * the parent pom, classpath resolved by {@code make tools}) in a forked JVM, its main class the one
 * {@code neo4j console} runs, Bolt on 127.0.0.1 only, HTTP off, authentication off, data in a
 * temporary folder that {@link #close()} deletes. Community Edition serves one user database, so
 * each server is started with the database under test as its default. Statements go through
 * cypher-shell (Maven Central), the client that the generated Makefile runs. About 10 s to start.
 */
public final class TestNeo4j implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NULL = Pattern.compile("(?<=^|, )NULL(?=,|$)");

  private final Path base;
  private final int port;
  private final String database;
  private final Process server;

  private TestNeo4j(Path base, int port, String database, Process server) {
    this.base = base;
    this.port = port;
    this.database = database;
    this.server = server;
  }

  /** Starts a server whose one user database is {@code database}. */
  public static TestNeo4j start(String database) throws IOException {
    String classpath = TestTools.classpath("neo4j");
    TestTools.classpath("cypher-shell");
    Path base = Files.createTempDirectory("blueprint-neo4j");
    Path conf = Files.createDirectory(base.resolve("conf"));
    int port = TestTools.freePort();
    List<String> settings = new ArrayList<>();
    settings.add("initial.dbms.default_database=" + database);
    settings.add("server.default_listen_address=127.0.0.1");
    settings.add("server.default_advertised_address=127.0.0.1");
    settings.add("server.bolt.listen_address=127.0.0.1:" + port);
    settings.add("server.http.enabled=false");
    settings.add("server.https.enabled=false");
    settings.add("dbms.security.auth_enabled=false");
    settings.add("dbms.usage_report.enabled=false");
    for (String d : List.of("data", "logs", "run", "lib", "plugins", "import")) {
      settings.add("server.directories." + d + "=" + base.resolve(d));
    }
    settings.add("server.memory.pagecache.size=32m");
    settings.add("db.tx_log.preallocate=false");
    Files.write(conf.resolve("neo4j.conf"), settings);
    List<String> cmd =
        List.of(
            TestTools.java(),
            "-Xms256m",
            "-Xmx512m",
            // C1 only: these servers live for seconds and run DDL; start-up time is what counts
            "-XX:TieredStopAtLevel=1",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true",
            "-cp",
            classpath,
            "org.neo4j.server.CommunityEntryPoint",
            "--home-dir=" + base,
            "--config-dir=" + conf);
    Process server =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(base.resolve("stdout.log").toFile())
            .start();
    TestNeo4j n = new TestNeo4j(base, port, database, server);
    TestTools.cleanUpAtExit(server, base);
    n.awaitReady();
    return n;
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    Path log = base.resolve("logs/neo4j.log");
    while (!(TestTools.tail(log, 200).contains("Started.") && TestTools.listening(port))) {
      if (!server.isAlive() || Instant.now().isAfter(deadline)) {
        String out =
            TestTools.tail(base.resolve("stdout.log"), 4000)
                + TestTools.tail(base.resolve("logs/debug.log"), 8000);
        close();
        throw new IllegalStateException("Neo4j did not start:\n" + out);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  public String uri() {
    return "neo4j://127.0.0.1:" + port;
  }

  public String database() {
    return database;
  }

  /**
   * cypher-shell -a URI -u neo4j -p unused -d DATABASE ARGS..., as the generated Makefile runs it
   * (authentication is off, so the user and password are not checked).
   */
  public TestTools.Run cypherShell(String... args) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                TestTools.java(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                TestTools.classpath("cypher-shell"),
                "org.neo4j.shell.Main",
                "-a",
                uri(),
                "-u",
                "neo4j",
                "-p",
                "unused",
                "-d",
                database));
    cmd.addAll(List.of(args));
    return TestTools.run(cmd, Duration.ofSeconds(120));
  }

  /**
   * The rows of read queries that all return the same columns, run in one cypher-shell call; per
   * query a list of rows, each a JSON array of its columns. cypher-shell's plain format prints, per
   * query, a header line and then one line per row with strings and lists as Cypher literals, which
   * for the names used here (letters, digits, underscores) are also JSON.
   */
  public List<List<JsonNode>> rows(String... queries) {
    String out = cypherShell("--format", "plain", String.join(";\n", queries) + ";").ok().output();
    List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
    List<List<JsonNode>> result = new ArrayList<>();
    String header = lines.isEmpty() ? null : lines.get(0);
    for (String line : lines) {
      if (line.equals(header)) {
        result.add(new ArrayList<>());
        continue;
      }
      try {
        result
            .get(result.size() - 1)
            .add(JSON.readTree("[" + NULL.matcher(line).replaceAll("null") + "]"));
      } catch (IOException e) {
        throw new UncheckedIOException("not a row: " + line + "\nin:\n" + out, e);
      }
    }
    if (result.size() != queries.length) {
      throw new AssertionError(queries.length + " results expected, got:\n" + out);
    }
    return result;
  }

  @Override
  public void close() {
    TestTools.stop(server, Duration.ofSeconds(30));
    TestTools.delete(base);
  }
}
