package dev.blueprint.cli.commands;

import dev.blueprint.workflow.api.EngagementWorkflow;
import dev.blueprint.workflow.runtime.Connection;
import dev.blueprint.workflow.runtime.EngagementWorker;
import dev.blueprint.workflow.runtime.Resumer;
import dev.blueprint.workflow.runtime.ServerChoice;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code blueprint up}: the dev server and a worker in one process, the embedded default. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a Temporal server (on 127.0.0.1) and a worker in one process until Ctrl-C: all a"
          + " newcomer needs. It says which server runs and where its state lives.",
      "With a Temporal CLI (--temporal-cli, env BLUEPRINT_TEMPORAL_CLI, temporal on PATH, or"
          + " fetched once into the state directory, pinned and checksummed, unless --offline) it"
          + " runs the CLI's dev server with its SQLite file in --state-dir: engagements survive"
          + " a restart of up. Otherwise it runs the in-memory Java test server; then every"
          + " engagement's checkpoint.json in its workspace (written at every step and decision)"
          + " lets the next up resume each unfinished one, shown as '(resumed)' by `engagement"
          + " list`: a stop, crash or kill loses no decision.",
    })
public final class UpCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "7233",
      description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Mixin WorkspaceOption workspace;

  @Mixin TargetOptions targets;

  @Mixin ServerOptions servers;

  @Override
  public Integer call() throws InterruptedException {
    ServerChoice.Running server = servers.start(port, spec.commandLine().getErr());
    Connection c = Connection.local(server.port());
    WorkflowServiceStubs stubs = c.stubs();
    WorkflowClient client = c.client(stubs);
    // Sticky queues on: a workflow's next task goes to the worker that holds it in its cache, so it
    // does not replay its history at every task. Against the Java test server that is safe only
    // for a worker that cannot outlive the server or be outlived by it (the server never moves a
    // workflow off a dead worker's sticky queue): this one lives and dies with the server in this
    // process. A `blueprint worker` started against this server decides for itself (off here).
    // Against the CLI dev server (a real Temporal server, which moves work off a dead worker's
    // sticky queue after a few seconds) on is simply the default.
    EngagementWorker worker =
        EngagementWorker.start(
            client, Workers.activities(workspace.root(), targets), EngagementWorker.Sticky.ON);
    PrintWriter out = spec.commandLine().getOut();
    if (!server.persistent()) {
      // the in-memory server has lost whatever the last `up` ran: resume it from its checkpoints
      resume(client, out);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  worker.shutdown(Duration.ofSeconds(10));
                  stubs.shutdown();
                  server.close();
                  stopped.countDown();
                },
                "up-shutdown"));
    out.println("blueprint is up: Temporal server and worker on " + server.address());
    out.println("  server: " + server.describe());
    out.println("  state: " + server.stateDir() + " (" + server.keeps() + ")");
    out.println("  workspace: " + workspace.root().toAbsolutePath().normalize());
    out.println("  task queues: " + EngagementWorkflow.TASK_QUEUE + ", " + worker.hostQueue());
    out.println(
        "  next: blueprint engagement start REQUIREMENTS"
            + (server.port() == 7233 ? "" : " --address " + server.address()));
    out.println("  Ctrl-C stops both");
    out.flush();
    stopped.await();
    return 0;
  }

  private void resume(WorkflowClient client, PrintWriter out) {
    try {
      for (Resumer.Outcome o :
          new Resumer(client, EngagementWorkflow.TASK_QUEUE).resumeAll(workspace.root())) {
        out.println("  engagement " + o.slug() + ": " + o.message());
      }
    } catch (IOException e) {
      out.println("  cannot resume engagements from " + workspace.root() + ": " + e.getMessage());
    }
    out.flush();
  }
}
