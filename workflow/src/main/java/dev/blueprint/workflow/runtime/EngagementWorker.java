package dev.blueprint.workflow.runtime;

import dev.blueprint.workflow.api.EngagementActivities;
import dev.blueprint.workflow.api.EngagementWorkflow;
import dev.blueprint.workflow.impl.EngagementWorkflowImpl;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetClusterInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs the engagement workflow and its activities on the shared task queue, where engagements
 * start, and on this host's queue (see HostQueue), where they run once they have a workspace.
 */
public final class EngagementWorker implements AutoCloseable {

  /** Whether to use sticky task queues (a workflow's cache on the worker that last ran it). */
  public enum Sticky {
    /** Off against the Java test server (which never falls back from a sticky queue), else on. */
    AUTO,
    ON,
    OFF
  }

  private final WorkerFactory factory;
  private final boolean sticky;
  private final String hostQueue;

  private EngagementWorker(WorkerFactory factory, boolean sticky, String hostQueue) {
    this.factory = factory;
    this.sticky = sticky;
    this.hostQueue = hostQueue;
  }

  /** Registers the workflow and {@code activities} and starts polling. */
  public static EngagementWorker start(
      WorkflowClient client, EngagementActivities activities, Sticky sticky) {
    boolean useSticky =
        switch (sticky) {
          case ON -> true;
          case OFF -> false;
          case AUTO -> !isJavaTestServer(client);
        };
    WorkerOptions.Builder options = WorkerOptions.newBuilder();
    if (!useSticky) {
      options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
    }
    WorkerFactory factory = WorkerFactory.newInstance(client);
    register(factory.newWorker(EngagementWorkflow.TASK_QUEUE, options.build()), activities);
    // the engagements that moved to this host (workflow v7): their workspaces are here
    String hostQueue = activities.hostQueue();
    register(factory.newWorker(hostQueue, options.build()), activities);
    factory.start();
    return new EngagementWorker(factory, useSticky, hostQueue);
  }

  /** The task queue of this worker's host, which it polls besides the shared one. */
  public String hostQueue() {
    return hostQueue;
  }

  /** The registrations every worker of engagements makes. */
  public static void register(Worker worker, EngagementActivities activities) {
    worker.registerWorkflowImplementationTypes(EngagementWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
  }

  /**
   * The Java test server does not implement GetClusterInfo; every Temporal cluster does. That is
   * how the worker tells the two apart when asked to decide.
   */
  public static boolean isJavaTestServer(WorkflowClient client) {
    try {
      client
          .getWorkflowServiceStubs()
          .blockingStub()
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .getClusterInfo(GetClusterInfoRequest.getDefaultInstance());
      return false;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode() == Status.Code.UNIMPLEMENTED;
    }
  }

  public boolean sticky() {
    return sticky;
  }

  /** Stops polling, lets running tasks finish (up to {@code grace}), then stops. */
  public void shutdown(Duration grace) {
    factory.shutdown();
    factory.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    if (!factory.isTerminated()) {
      factory.shutdownNow();
    }
  }

  @Override
  public void close() {
    shutdown(Duration.ofSeconds(10));
  }
}
