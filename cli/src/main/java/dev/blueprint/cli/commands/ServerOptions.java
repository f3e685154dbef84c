package dev.blueprint.cli.commands;

import dev.blueprint.cli.UserException;
import dev.blueprint.workflow.runtime.ServerChoice;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How {@code blueprint up} picks its Temporal server and where it keeps state. */
public final class ServerOptions {

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Where up keeps its state: the CLI dev server's temporal.db and log, and a fetched"
              + " Temporal CLI (env "
              + ServerChoice.STATE_ENV
              + "; default $XDG_STATE_HOME/blueprint or ~/.local/state/blueprint).")
  Path stateDir;

  @Option(
      names = "--temporal-cli",
      paramLabel = "FILE",
      description =
          "The Temporal CLI binary to run (env "
              + ServerChoice.CLI_ENV
              + "; default: temporal on PATH, else one fetched into the state directory).")
  Path cli;

  @Option(
      names = "--offline",
      description =
          "Never fetch the Temporal CLI (env "
              + ServerChoice.OFFLINE_ENV
              + "=1): without one, run the in-memory server.")
  boolean offline;

  @Option(
      names = "--in-memory",
      description = "Run the in-memory Java test server even if a Temporal CLI is available.")
  boolean inMemory;

  /** Starts the server these options lead to; notes (fallbacks) go to {@code err}. */
  ServerChoice.Running start(int port, PrintWriter err) {
    var env = System.getenv();
    try {
      return ServerChoice.start(
          new ServerChoice.Request(
              stateDir != null ? stateDir : ServerChoice.defaultStateDir(env),
              cli,
              offline,
              inMemory,
              port,
              env,
              Duration.ofSeconds(60)),
          note -> {
            err.println("note: " + note);
            err.flush();
          });
    } catch (UncheckedIOException e) {
      throw new UserException(e.getMessage() + "; is another server using it? try --port");
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UserException(e.getMessage());
    }
  }
}
