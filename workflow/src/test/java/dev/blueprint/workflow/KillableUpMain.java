package dev.blueprint.workflow;

import dev.blueprint.workflow.activities.EngagementActivitiesImpl;
import dev.blueprint.workflow.activities.Workspace;
import dev.blueprint.workflow.api.EngagementWorkflow;
import dev.blueprint.workflow.runtime.Connection;
import dev.blueprint.workflow.runtime.DevServer;
import dev.blueprint.workflow.runtime.EngagementWorker;
import dev.blueprint.workflow.runtime.Resumer;
import io.temporal.client.WorkflowClient;
import java.nio.file.Path;

/**
 * What {@code blueprint up --in-memory} runs, in one process: the in-memory server, a worker with
 * the file latches of {@link KillableWorkerMain}, and the resumption of the checkpoints found.
 *
 * <p>Arguments: port, workspace root, gate folder.
 */
public final class KillableUpMain {
  private KillableUpMain() {}

  public static void main(String[] args) throws Exception {
    DevServer server = DevServer.start(Integer.parseInt(args[0]));
    Workspace workspace = new Workspace(Path.of(args[1]));
    Path gate = Path.of(args[2]);
    WorkflowClient client =
        Connection.local(server.port()).client(Connection.local(server.port()).stubs());
    EngagementWorker.start(
        client,
        new EngagementActivitiesImpl(
            workspace,
            TestPorts.ports(workspace, gate.resolve("targets")),
            KillableWorkerMain.hooks(gate)),
        EngagementWorker.Sticky.ON);
    for (Resumer.Outcome o :
        new Resumer(client, EngagementWorkflow.TASK_QUEUE).resumeAll(workspace.root())) {
      System.out.println("engagement " + o.slug() + ": " + o.message());
    }
    System.out.println("up ready");
    System.out.flush();
    server.awaitTermination();
  }
}
