package dev.blueprint.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.cli.Cli;
import dev.blueprint.targets.testing.Examples;
import dev.blueprint.targets.testing.TestKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code blueprint kafka plan|apply} end to end against a real three-broker cluster. */
class KafkaCommandTest {

  static KafkaClusterTestKit cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestKafka.start(3);
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.create(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static Path example() {
    return Examples.root().resolve("examples/clickstream-analytics/blueprint.yaml");
  }

  @Test
  void planApplyReplanWithDetailedExitCodes(@TempDir Path dir) throws Exception {
    String bootstrap = cluster.bootstrapServers();
    Path props = dir.resolve("client.properties");
    Files.writeString(props, "security.protocol=PLAINTEXT\n");

    Run plan =
        run(
            "kafka",
            "plan",
            example().toString(),
            "--bootstrap-server",
            bootstrap,
            "--command-config",
            props.toString());
    assertEquals(Cli.OK, plan.exit(), plan.err());
    assertTrue(
        plan.out().contains("+ create web.page-views.v1 partitions=12 replication-factor=3"),
        plan.out());

    Run json =
        run(
            "kafka",
            "plan",
            example().toString(),
            "--bootstrap-server",
            bootstrap,
            "--format",
            "json",
            "--detailed-exitcode");
    assertEquals(Cli.CHANGES, json.exit(), "changes to apply, asked for");
    JsonNode tree = new ObjectMapper().readTree(json.out());
    assertTrue(tree.get("changes").asBoolean());
    assertEquals("web.page-views.v1", tree.get("creates").get(0).get("topic").asText());
    assertEquals(
        "2", tree.get("creates").get(0).get("configs").get("min.insync.replicas").asText());

    Run apply = run("kafka", "apply", example().toString(), "--bootstrap-server", bootstrap);
    assertEquals(0, apply.exit(), apply.err());
    assertTrue(apply.out().contains("applied: created topic web.page-views.v1"), apply.out());

    Run again =
        TestKafka.eventually(
            () ->
                run(
                    "kafka",
                    "plan",
                    example().toString(),
                    "--bootstrap-server",
                    bootstrap,
                    "--detailed-exitcode"),
            r -> r.exit() == 0);
    assertEquals(0, again.exit(), again.out() + again.err());
    assertTrue(again.out().contains("No changes"));

    Run secondApply = run("kafka", "apply", example().toString(), "--bootstrap-server", bootstrap);
    assertEquals(0, secondApply.exit());
    assertTrue(secondApply.out().contains("Nothing to apply."), secondApply.out());
  }

  @Test
  void brokerDownIsExitOneWithOneClearMessage() {
    Run r =
        run(
            "kafka",
            "plan",
            example().toString(),
            "--bootstrap-server",
            "127.0.0.1:1",
            "--timeout",
            "2");
    assertEquals(1, r.exit());
    assertTrue(
        r.err().startsWith("blueprint: cannot reach the Kafka cluster at 127.0.0.1:1"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace");
  }

  @Test
  void missingBootstrapServerIsAUsageError() {
    assertEquals(Cli.USAGE, run("kafka", "plan", example().toString()).exit());
  }
}
