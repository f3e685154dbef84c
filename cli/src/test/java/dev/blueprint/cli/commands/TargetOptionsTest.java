package dev.blueprint.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.cli.Cli;
import dev.blueprint.cli.UserException;
import dev.blueprint.core.validate.Validator;
import dev.blueprint.targets.testing.Examples;
import dev.blueprint.targets.testing.TestNeo4j;
import dev.blueprint.workflow.activities.ProvisionPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The target options of {@code up} and {@code worker} as picocli parses them, down to the
 * provisioner the worker runs: with {@code --neo4j}, the fraud-detection blueprint's constraints
 * and indexes are created on a real Neo4j, recorded, and dropped again by the undo.
 */
class TargetOptionsTest {
  @TempDir Path tmp;

  @Command(name = "holder")
  static final class Holder implements Runnable {
    @Mixin TargetOptions targets;

    @Override
    public void run() {}
  }

  static TargetOptions parse(String... args) {
    Holder h = new Holder();
    new CommandLine(h).parseArgs(args);
    return h.targets;
  }

  @Test
  void neo4jIsProvisionedAndUndoneThroughTheWorkersOptions() throws Exception {
    var blueprint =
        Validator.loadValid(Examples.root().resolve("examples/fraud-detection/blueprint.yaml"))
            .blueprint();
    try (TestNeo4j neo4j = TestNeo4j.start("fraud-graph-cluster")) {
      ProvisionPort port = parse("--neo4j", neo4j.uri()).provisioner();
      assertTrue(port.configured());
      Path state = Files.createDirectories(tmp.resolve("fraud-detection/provision"));
      String summary = port.apply(blueprint, state);
      assertEquals("4 Neo4j objects created", summary);
      assertTrue(
          Files.readString(state.resolve("stores-created.json")).contains("fraud_graph_key"));
      assertTrue(schema(neo4j).contains("fraud_graph_key"), schema(neo4j));
      port.undo(state);
      assertEquals("", schema(neo4j).strip(), "the undo left objects behind");
    }
  }

  private static String schema(TestNeo4j neo4j) {
    return neo4j
        .cypherShell(
            "--format",
            "plain",
            "SHOW CONSTRAINTS YIELD name RETURN name;"
                + " SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name;")
        .ok()
        .output()
        .lines()
        .filter(l -> !l.equals("name"))
        .reduce("", (a, b) -> a + b + "\n");
  }

  @Test
  void wrongStoreOptionsAreUsageErrorsAtStart() {
    assertSame(ProvisionPort.NONE, parse().provisioner(), "nothing named, nothing provisioned");
    for (List<String> args :
        List.of(
            List.of("--neo4j", "http://graph:7474"),
            List.of("--cassandra", "c1:notaport"),
            List.of("--mongodb", "mongodb://docs:27017", "--mongodb-without", "joins"),
            List.of("--mongodb-without", "ttl"))) {
      UserException e =
          assertThrows(
              UserException.class,
              () -> parse(args.toArray(String[]::new)).provisioner(),
              args.toString());
      assertEquals(Cli.USAGE, e.exitCode(), args.toString());
      assertFalse(e.getMessage().isBlank(), args.toString());
    }
    UserException orphan =
        assertThrows(UserException.class, () -> parse("--mongodb-without", "ttl").provisioner());
    assertTrue(
        orphan.getMessage().contains("--mongodb-without needs --mongodb"), orphan.getMessage());
  }
}
