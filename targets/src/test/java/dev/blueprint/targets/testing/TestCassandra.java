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

/**
 * A real Apache Cassandra node for the tests: cassandra-all from Maven Central (version pinned in
 * the parent pom, classpath resolved by {@code make tools}) in a forked JVM, listening on 127.0.0.1
 * only, with its data in a temporary folder that {@link #close()} deletes. Statements go through
 * cqlsh from PyPI, the client that the generated Makefile runs. About 15 s to start.
 */
public final class TestCassandra implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Cassandra's conf/jvm17-server.options: the module openings it needs on Java 17. */
  private static final List<String> JVM17 =
      List.of(
          "-Djdk.attach.allowAttachSelf=true",
          "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
          "--add-exports=java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.server=ALL-UNNAMED",
          "--add-exports=java.sql/java.sql=ALL-UNNAMED",
          "--add-exports=java.base/java.lang.ref=ALL-UNNAMED",
          "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
          "--add-exports=jdk.attach/sun.tools.attach=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.module=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.reflect=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.math=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.module=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.util.jar=ALL-UNNAMED",
          "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "-Dio.netty.tryReflectionSetAccessible=true");

  private final Path base;
  private final int port;
  private final Process server;
  private final Path cqlsh;

  private TestCassandra(Path base, int port, Process server, Path cqlsh) {
    this.base = base;
    this.port = port;
    this.server = server;
    this.cqlsh = cqlsh;
  }

  /** Starts a single node; its data centre is {@code datacenter1} (SimpleSnitch). */
  public static TestCassandra start() throws IOException {
    String classpath = TestTools.classpath("cassandra");
    Path cqlsh = TestTools.installed("cqlsh/bin/cqlsh", "cqlsh (PyPI)");
    Path base = Files.createTempDirectory("blueprint-cassandra");
    int storage = TestTools.freePort();
    int port = TestTools.freePort();
    Files.writeString(
        base.resolve("cassandra.yaml"),
        String.join(
            "\n",
            "cluster_name: blueprint-test",
            "num_tokens: 1",
            "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
            "data_file_directories: [" + base.resolve("data") + "]",
            "commitlog_directory: " + base.resolve("commitlog"),
            "saved_caches_directory: " + base.resolve("saved_caches"),
            "hints_directory: " + base.resolve("hints"),
            "cdc_raw_directory: " + base.resolve("cdc_raw"),
            "commitlog_sync: periodic",
            "commitlog_sync_period: 10000ms",
            "seed_provider:",
            "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
            "    parameters:",
            "      - seeds: \"127.0.0.1:" + storage + "\"",
            "listen_address: 127.0.0.1",
            "rpc_address: 127.0.0.1",
            "storage_port: " + storage,
            "native_transport_port: " + port,
            "start_native_transport: true",
            "endpoint_snitch: SimpleSnitch",
            ""));
    Files.writeString(
        base.resolve("logback.xml"),
        "<configuration><appender name=\"F\" class=\"ch.qos.logback.core.FileAppender\">"
            + "<file>"
            + base.resolve("system.log")
            + "</file><encoder><pattern>%-5level %date{ISO8601} %logger{0} - %msg%n</pattern>"
            + "</encoder></appender><root level=\"INFO\"><appender-ref ref=\"F\"/></root>"
            + "</configuration>");
    List<String> cmd =
        new ArrayList<>(
            List.of(TestTools.java(), "-Xms512m", "-Xmx512m", "-XX:TieredStopAtLevel=1"));
    cmd.addAll(JVM17);
    cmd.addAll(
        List.of(
            "-Dcassandra.config=file://" + base.resolve("cassandra.yaml"),
            "-Dcassandra-foreground=yes",
            "-Dcassandra.storagedir=" + base,
            "-Dcassandra.logdir=" + base,
            "-Dlogback.configurationFile=" + base.resolve("logback.xml"),
            // one node, no peers: no need to wait for gossip or ring changes
            "-Dcassandra.skip_wait_for_gossip_to_settle=0",
            "-Dcassandra.ring_delay_ms=100",
            "-cp",
            classpath,
            "org.apache.cassandra.service.CassandraDaemon"));
    Process server =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(base.resolve("stdout.log").toFile())
            .start();
    TestCassandra c = new TestCassandra(base, port, server, cqlsh);
    TestTools.cleanUpAtExit(server, base);
    c.awaitReady();
    return c;
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (!TestTools.listening(port)) {
      if (!server.isAlive() || Instant.now().isAfter(deadline)) {
        String log =
            TestTools.tail(base.resolve("stdout.log"), 4000)
                + TestTools.tail(base.resolve("system.log"), 8000);
        close();
        throw new IllegalStateException("Cassandra did not start:\n" + log);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  public int port() {
    return port;
  }

  /** cqlsh 127.0.0.1 PORT ARGS..., as the generated Makefile runs it, to its end. */
  public TestTools.Run cqlsh(String... args) {
    List<String> cmd = new ArrayList<>(List.of(cqlsh.toString(), "127.0.0.1", "" + port));
    cmd.addAll(List.of(args));
    return TestTools.run(cmd, Duration.ofSeconds(120));
  }

  /**
   * The rows of each query, as JSON objects, read with the Python driver that cqlsh uses (cqlsh's
   * own table output escapes quotes and backslashes for display).
   */
  public List<List<JsonNode>> rows(String... queries) {
    Path python = cqlsh.resolveSibling("python");
    Path script = base.resolve("cql_rows.py");
    try (java.io.InputStream in = TestCassandra.class.getResourceAsStream("/checks/cql_rows.py")) {
      Files.write(script, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> cmd = new ArrayList<>(List.of(python.toString(), script.toString(), "" + port));
    cmd.addAll(List.of(queries));
    String out = TestTools.run(cmd, Duration.ofSeconds(120)).ok().output();
    List<List<JsonNode>> rows = new ArrayList<>();
    for (int i = 0; i < queries.length; i++) {
      rows.add(new ArrayList<>());
    }
    for (String line : out.split("\n")) {
      if (line.startsWith("{")) {
        try {
          JsonNode row = JSON.readTree(line);
          rows.get(row.get("_query").asInt()).add(row);
        } catch (IOException e) {
          throw new UncheckedIOException("not a JSON row: " + line, e);
        }
      }
    }
    return rows;
  }

  @Override
  public void close() {
    TestTools.stop(server, Duration.ofSeconds(20));
    TestTools.delete(base);
  }
}
