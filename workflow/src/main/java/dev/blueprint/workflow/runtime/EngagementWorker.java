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

/** Runs the engagement workflow and its activities on the task queue. */
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

  private EngagementWorker(WorkerFactory factory, boolean sticky) {
    this.factory = factory;
    this.sticky = sticky;
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
    Worker worker = factory.newWorker(EngagementWorkflow.TASK_QUEUE, options.build());
    register(worker, activities);
    factory.start();
    return new EngagementWorker(factory, useSticky);
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
