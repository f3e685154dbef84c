package dev.blueprint.workflow;

import dev.blueprint.workflow.activities.EngagementActivitiesImpl;
import dev.blueprint.workflow.activities.StepHooks;
import dev.blueprint.workflow.activities.Workspace;
import dev.blueprint.workflow.api.Step;
import dev.blueprint.workflow.runtime.Connection;
import dev.blueprint.workflow.runtime.EngagementWorker;
import io.temporal.activity.Activity;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A worker process for the kill test: the real steps on real files, and a file latch. While {@code
 * GATE/hold-STEP-PHASE} exists, that step waits at that point (heartbeating) after touching {@code
 * GATE/at-STEP-PHASE}, so that the test can kill the process there.
 *
 * <p>Arguments: address, workspace root, gate folder.
 */
public final class KillableWorkerMain {
  private KillableWorkerMain() {}

  public static void main(String[] args) throws Exception {
    Connection c = new Connection(args[0], null, null, null, null);
    Workspace workspace = new Workspace(Path.of(args[1]));
    Path gate = Path.of(args[2]);
    WorkflowServiceStubs stubs = c.stubs();
    EngagementWorker.start(
        c.client(stubs),
        new EngagementActivitiesImpl(
            workspace, TestPorts.ports(workspace, gate.resolve("targets")), hooks(gate)),
        EngagementWorker.Sticky.AUTO);
    System.out.println("worker ready");
    System.out.flush();
    Thread.currentThread().join();
  }

  static StepHooks hooks(Path gate) {
    return (Step step, StepHooks.Phase phase) -> {
      String point = step + "-" + phase;
      Path hold = gate.resolve("hold-" + point);
      if (!Files.exists(hold)) {
        return;
      }
      try {
        Files.writeString(
            gate.resolve("at-" + point), Long.toString(ProcessHandle.current().pid()));
        while (Files.exists(hold)) {
          Activity.getExecutionContext().heartbeat(point);
          Thread.sleep(200);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    };
  }
}
