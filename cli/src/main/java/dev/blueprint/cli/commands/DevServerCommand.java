package dev.blueprint.cli.commands;

import dev.blueprint.cli.UserException;
import dev.blueprint.workflow.runtime.DevServer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code blueprint dev-server}: Temporal's Java test server on the loopback interface. */
@Command(
    name = "dev-server",
    mixinStandardHelpOptions = true,
    description = {
      "Runs Temporal's Java test server on 127.0.0.1 (loopback only) until Ctrl-C, so that nothing"
          + " else needs installing.",
      "It keeps everything in memory: stopping it forgets every engagement. For durability run"
          + " `blueprint up` with a Temporal CLI (its dev server keeps a SQLite file), or a real"
          + " Temporal cluster and point the worker and clients at it with --address.",
    })
public final class DevServerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "7233",
      description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    DevServer server = start(port);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dev-server-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("Temporal dev server listening on " + server.address() + " (Ctrl-C stops it)");
    out.flush();
    server.awaitTermination();
    return 0;
  }

  static DevServer start(int port) {
    try {
      return DevServer.start(port);
    } catch (java.io.UncheckedIOException e) {
      throw new UserException(e.getMessage() + "; is another server using it? try --port");
    }
  }
}
