package dev.blueprint.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.cli.Cli;
import dev.blueprint.targets.testing.Examples;
import dev.blueprint.targets.testing.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code blueprint storage plan|apply} end to end against a real PostgreSQL. */
class StorageCommandTest {

  static TestPostgres pg;

  @BeforeAll
  static void start() throws Exception {
    pg = TestPostgres.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.create(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void planApplyReplanApplyAgain() {
    String file =
        Examples.root().resolve("examples/clickstream-analytics/blueprint.yaml").toString();
    String url = pg.jdbcUrl();
    Run plan =
        run(
            "storage",
            "plan",
            file,
            "--jdbc-url",
            url,
            "--user",
            "postgres",
            "--detailed-exitcode");
    assertEquals(3, plan.exit(), plan.err());
    assertTrue(plan.out().contains("+ create table"), plan.out());

    Run apply = run("storage", "apply", file, "--jdbc-url", url, "--user", "postgres");
    assertEquals(0, apply.exit(), apply.err());
    assertTrue(apply.out().contains("(one transaction)"), apply.out());

    Run again = run("storage", "plan", file, "--jdbc-url", url, "--user", "postgres");
    assertEquals(0, again.exit(), again.out());
    assertTrue(again.out().contains("No changes"), again.out());

    Run twice = run("storage", "apply", file, "--jdbc-url", url, "--user", "postgres");
    assertEquals(0, twice.exit(), twice.err());
    assertTrue(twice.out().contains(": 0 objects created, "), twice.out());
  }

  @Test
  void aDatabaseThatIsDownIsExitOne() {
    String file =
        Examples.root().resolve("examples/clickstream-analytics/blueprint.yaml").toString();
    Run r = run("storage", "plan", file, "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x");
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("blueprint: cannot connect to PostgreSQL at"), r.err());
  }
}
