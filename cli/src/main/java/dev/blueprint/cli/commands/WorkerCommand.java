package dev.blueprint.cli.commands;

import dev.blueprint.cli.UserException;
import dev.blueprint.workflow.api.EngagementWorkflow;
import dev.blueprint.workflow.runtime.Connection;
import dev.blueprint.workflow.runtime.EngagementWorker;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code blueprint worker}: runs engagements' workflow and activities until Ctrl-C. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description =
        "Runs the engagement workflow and its steps until Ctrl-C, then finishes running steps and"
            + " stops. It polls the shared task queue '"
            + EngagementWorkflow.TASK_QUEUE
            + "', where engagements start, and its host's queue ('"
            + EngagementWorkflow.TASK_QUEUE
            + "@HOST-HASH' of the workspace root), where an engagement moves once a worker of"
            + " this host has taken it: every step then runs where its workspace is. Several"
            + " hosts may serve one server; restart a host's worker with the same --workspace.")
public final class WorkerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Mixin WorkspaceOption workspace;

  @Mixin TargetOptions targets;

  @Option(
      names = "--sticky",
      defaultValue = "AUTO",
      description =
          "Sticky task queues: AUTO (off against the dev server, which never falls back from"
              + " them; on against a cluster), ON or OFF. Default ${DEFAULT-VALUE}.")
  EngagementWorker.Sticky sticky;

  @Override
  public Integer call() throws InterruptedException {
    Connection c = connection.connection();
    WorkflowServiceStubs stubs = connect(c);
    WorkflowClient client = c.client(stubs);
    EngagementWorker worker =
        EngagementWorker.start(client, Workers.activities(workspace.root(), targets), sticky);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  worker.shutdown(Duration.ofSeconds(20));
                  stubs.shutdown();
                  stopped.countDown();
                },
                "worker-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "worker polling "
            + EngagementWorkflow.TASK_QUEUE
            + " and "
            + worker.hostQueue()
            + " on "
            + c.address()
            + " (namespace "
            + c.namespace()
            + ", workspace "
            + workspace.root().toAbsolutePath().normalize()
            + ", sticky queues "
            + (worker.sticky() ? "on" : "off")
            + "); Ctrl-C stops it");
    out.flush();
    stopped.await();
    return 0;
  }

  static WorkflowServiceStubs connect(Connection c) {
    try {
      WorkflowServiceStubs stubs = c.stubs();
      stubs.healthCheck();
      return stubs;
    } catch (StatusRuntimeException | IllegalStateException e) {
      throw new UserException(
          "cannot reach Temporal at "
              + c.address()
              + " ("
              + e.getMessage()
              + "); start one with 'blueprint up' or 'blueprint dev-server'");
    }
  }
}
