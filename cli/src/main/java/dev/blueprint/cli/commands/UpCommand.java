package dev.blueprint.cli.commands;

import dev.blueprint.workflow.api.EngagementWorkflow;
import dev.blueprint.workflow.runtime.Connection;
import dev.blueprint.workflow.runtime.DevServer;
import dev.blueprint.workflow.runtime.EngagementWorker;
import dev.blueprint.workflow.runtime.Resumer;
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
      "Runs the dev server (on 127.0.0.1) and a worker in one process until Ctrl-C: all a"
          + " newcomer needs. The server keeps engagements in memory; every engagement also"
          + " writes its state to checkpoint.json in its workspace at every step and decision,"
          + " and `up` resumes each unfinished one from there when it starts (shown as"
          + " '(resumed)' by `engagement list`): a stop, crash or kill loses no decision.",
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

  @Override
  public Integer call() throws InterruptedException {
    DevServer server = DevServerCommand.start(port);
    Connection c = Connection.local(server.port());
    WorkflowServiceStubs stubs = c.stubs();
    WorkflowClient client = c.client(stubs);
    // Sticky queues on: a workflow's next task goes to the worker that holds it in its cache, so it
    // does not replay its history at every task. Against the Java test server that is safe only
    // for a worker that cannot outlive the server or be outlived by it (the server never moves a
    // workflow off a dead worker's sticky queue): this one lives and dies with the server in this
    // process. A `blueprint worker` started against this server decides for itself (off here).
    EngagementWorker worker =
        EngagementWorker.start(
            client, Workers.activities(workspace.root(), targets), EngagementWorker.Sticky.ON);
    // the in-memory server has lost whatever the last `up` ran: resume it from its checkpoints
    PrintWriter out = spec.commandLine().getOut();
    resume(client, out);
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
    out.println("blueprint is up: Temporal dev server and worker on " + server.address());
    out.println("  workspace: " + workspace.root().toAbsolutePath().normalize());
    out.println("  task queues: " + EngagementWorkflow.TASK_QUEUE + ", " + worker.hostQueue());
    out.println(
        "  next: blueprint engagement start REQUIREMENTS"
            + (server.port() == 7233 ? "" : " --address " + server.address()));
    out.println(
        "  Ctrl-C stops both; the server keeps engagements in memory, and each engagement's"
            + " checkpoint in its workspace lets the next `up` resume it");
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
