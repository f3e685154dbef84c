package dev.blueprint.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.cli.Cli;
import dev.blueprint.workflow.runtime.DevServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starting an engagement with no worker running answers within its timeout and says so. */
class StartWithoutWorkerTest {

  static final Path ROOT =
      Path.of(System.getProperty("blueprint.root", "..")).toAbsolutePath().normalize();

  @Test
  void saysThatNoWorkerHasTakenItWithinItsTimeout() {
    try (DevServer server = DevServer.start(0)) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      long started = System.nanoTime();
      int exit =
          Cli.create(new PrintWriter(out), new PrintWriter(err))
              .execute(
                  "engagement",
                  "start",
                  ROOT.resolve("examples/clickstream-analytics/requirements.yaml").toString(),
                  "--address",
                  server.address(),
                  "--timeout",
                  "PT2S");
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
      assertEquals(0, exit, err.toString());
      assertTrue(seconds < 10, "answered after " + seconds + " s");
      assertTrue(
          out.toString().contains("no worker has taken it yet")
              && out.toString().contains("blueprint up"),
          out.toString());
    }
  }
}
