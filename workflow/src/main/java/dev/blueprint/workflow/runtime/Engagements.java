package dev.blueprint.workflow.runtime;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.validate.Validator;
import dev.blueprint.workflow.api.ChangeRequest;
import dev.blueprint.workflow.api.DecisionRecord;
import dev.blueprint.workflow.api.EngagementInput;
import dev.blueprint.workflow.api.EngagementResult;
import dev.blueprint.workflow.api.EngagementStatus;
import dev.blueprint.workflow.api.EngagementWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The client side of engagements: start, list, ask, decide, cancel, wait for the result. */
public final class Engagements {

  /** One engagement as the list shows it. */
  public record Listed(
      String slug, String workflowId, String runId, String status, Instant start) {}

  private final WorkflowClient client;
  private final String taskQueue;

  public Engagements(WorkflowClient client) {
    this(client, EngagementWorkflow.TASK_QUEUE);
  }

  /** A client for a worker polling {@code taskQueue} (tests use their own queue). */
  public Engagements(WorkflowClient client, String taskQueue) {
    this.client = client;
    this.taskQueue = taskQueue;
  }

  public WorkflowClient client() {
    return client;
  }

  /** Starts an engagement; refuses one that is already running. */
  public WorkflowExecution start(EngagementInput input) {
    String id = EngagementInput.workflowId(input.slug());
    EngagementWorkflow stub =
        client.newWorkflowStub(
            EngagementWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(taskQueue)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .build());
    try {
      return WorkflowClient.start(stub::run, input);
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw new EngagementException(
          "engagement "
              + input.slug()
              + " is already running (workflow "
              + id
              + "); follow it with 'blueprint engagement watch "
              + input.slug()
              + "' or cancel it first");
    } catch (WorkflowServiceException e) {
      throw unreachable(e);
    }
  }

  /** Engagements the server knows, newest first. */
  public List<Listed> list() {
    String ns = client.getOptions().getNamespace();
    WorkflowTypeFilter type = WorkflowTypeFilter.newBuilder().setName("Engagement").build();
    List<Listed> out = new ArrayList<>();
    try {
      ListOpenWorkflowExecutionsResponse open =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .listOpenWorkflowExecutions(
                  ListOpenWorkflowExecutionsRequest.newBuilder()
                      .setNamespace(ns)
                      .setMaximumPageSize(1000)
                      .setTypeFilter(type)
                      .build());
      open.getExecutionsList().forEach(i -> out.add(listed(i)));
      ListClosedWorkflowExecutionsResponse closed =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .listClosedWorkflowExecutions(
                  ListClosedWorkflowExecutionsRequest.newBuilder()
                      .setNamespace(ns)
                      .setMaximumPageSize(1000)
                      .setTypeFilter(type)
                      .build());
      closed.getExecutionsList().stream()
          .filter(
              i ->
                  i.getStatus()
                      != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW)
          .forEach(i -> out.add(listed(i)));
    } catch (StatusRuntimeException e) {
      throw unreachable(e);
    }
    out.sort(Comparator.comparing(Listed::start).reversed());
    return out;
  }

  private static Listed listed(WorkflowExecutionInfo i) {
    String id = i.getExecution().getWorkflowId();
    String slug = id.startsWith("engagement-") ? id.substring("engagement-".length()) : id;
    String status = i.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", "");
    return new Listed(
        slug,
        id,
        i.getExecution().getRunId(),
        status,
        Instant.ofEpochSecond(i.getStartTime().getSeconds(), i.getStartTime().getNanos()));
  }

  /** Whether the engagement's workflow is still running. */
  public boolean isRunning(String slug) {
    return call(
        slug,
        () ->
            client.newUntypedWorkflowStub(EngagementInput.workflowId(slug)).describe().getStatus()
                == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
  }

  public EngagementStatus status(String slug) {
    return call(slug, () -> stub(slug).status());
  }

  public DecisionRecord approve(String slug, String comment) {
    return call(slug, () -> stub(slug).approve(comment));
  }

  public DecisionRecord reject(String slug, String reason) {
    return call(slug, () -> stub(slug).reject(reason));
  }

  /**
   * Sends a change request after checking here what opening the revision will check: the amended
   * blueprint loads, validates, has an architecture and names this engagement. A mistyped file is
   * refused with its problems before anything reaches the engagement.
   */
  public DecisionRecord requestChanges(String slug, ChangeRequest request) {
    if (request != null && request.blueprintYaml() != null && !request.blueprintYaml().isBlank()) {
      checkAmendedBlueprint(slug, request);
    }
    return call(slug, () -> stub(slug).requestChanges(request));
  }

  static void checkAmendedBlueprint(String slug, ChangeRequest request) {
    String file = request.fileName();
    Blueprint amended;
    try {
      amended =
          Validator.loadValid(file, request.blueprintYaml().getBytes(StandardCharsets.UTF_8))
              .blueprint();
    } catch (ProblemException e) {
      throw new EngagementException(
          "changes not requested: "
              + file
              + " is not a valid blueprint; engagement "
              + slug
              + " is unchanged\n"
              + e.problems().stream().map(Problem::format).collect(Collectors.joining("\n")));
    }
    if (!amended.isBlueprint()) {
      throw new EngagementException(
          "changes not requested: "
              + file
              + " has no architecture; request changes with a blueprint (engagement "
              + slug
              + " is unchanged)");
    }
    String id = amended.engagement() == null ? null : amended.engagement().id();
    if (!slug.equals(id)) {
      throw new EngagementException(
          "changes not requested: "
              + file
              + " is for engagement '"
              + id
              + "', not "
              + slug
              + " (engagement.id must be "
              + slug
              + "); engagement "
              + slug
              + " is unchanged");
    }
  }

  public DecisionRecord comment(String slug, String text) {
    return call(slug, () -> stub(slug).comment(text));
  }

  /**
   * Requests cancellation of a running engagement. An engagement that has ended cannot be
   * cancelled: that is refused with its state, rather than reported as requested.
   */
  public void cancel(String slug) {
    call(
        slug,
        () -> {
          WorkflowStub stub = client.newUntypedWorkflowStub(EngagementInput.workflowId(slug));
          WorkflowExecutionStatus status = stub.describe().getStatus();
          if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
            throw new EngagementException(
                "cannot cancel: engagement "
                    + slug
                    + " has ended ("
                    + status.name().replace("WORKFLOW_EXECUTION_STATUS_", "")
                    + "); nothing was changed");
          }
          stub.cancel();
          return null;
        });
  }

  /**
   * Waits up to {@code timeout} for the engagement to end; returns its result for COMPLETED and
   * REJECTED, throws with the reason for FAILED and CANCELLED.
   */
  public EngagementResult awaitResult(String slug, Duration timeout) throws TimeoutException {
    WorkflowStub stub = client.newUntypedWorkflowStub(EngagementInput.workflowId(slug));
    try {
      return stub.getResult(timeout.toMillis(), TimeUnit.MILLISECONDS, EngagementResult.class);
    } catch (WorkflowFailedException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CanceledFailure) {
        throw new EngagementException("engagement " + slug + " was cancelled", e);
      }
      if (cause instanceof ApplicationFailure af) {
        throw new EngagementException(
            "engagement " + slug + " failed: " + af.getOriginalMessage(), e);
      }
      throw new EngagementException("engagement " + slug + " failed: " + e.getMessage(), e);
    } catch (WorkflowNotFoundException e) {
      throw notFound(slug);
    } catch (WorkflowServiceException e) {
      throw unreachable(e);
    }
  }

  private EngagementWorkflow stub(String slug) {
    return client.newWorkflowStub(EngagementWorkflow.class, EngagementInput.workflowId(slug));
  }

  private <T> T call(String slug, Supplier<T> action) {
    try {
      return action.get();
    } catch (WorkflowNotFoundException e) {
      throw endedOrNotFound(slug);
    } catch (WorkflowUpdateException e) {
      throw new EngagementException(failureMessage(e));
    } catch (WorkflowQueryException e) {
      throw new EngagementException(
          "cannot ask engagement " + slug + ": " + failureMessage(e) + " (is a worker running?)");
    } catch (WorkflowServiceException e) {
      if (e.getCause() instanceof StatusRuntimeException sre
          && sre.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw notFound(slug);
      }
      throw unreachable(e);
    } catch (StatusRuntimeException e) {
      throw unreachable(e);
    }
  }

  private static String failureMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    if (t instanceof ApplicationFailure af) {
      return af.getOriginalMessage();
    }
    return t.getMessage();
  }

  /** An update to a closed workflow reports "not found"; say that it has ended instead. */
  private EngagementException endedOrNotFound(String slug) {
    try {
      WorkflowExecutionStatus status =
          client.newUntypedWorkflowStub(EngagementInput.workflowId(slug)).describe().getStatus();
      if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        return new EngagementException(
            "engagement "
                + slug
                + " has ended ("
                + status.name().replace("WORKFLOW_EXECUTION_STATUS_", "")
                + "); 'blueprint engagement result "
                + slug
                + "' shows how");
      }
    } catch (RuntimeException e) {
      // fall through: it really is unknown
    }
    return notFound(slug);
  }

  private static EngagementException notFound(String slug) {
    return new EngagementException(
        "no engagement "
            + slug
            + " on this server (the dev server forgets everything when it stops);"
            + " 'blueprint engagement list' shows what it knows");
  }

  private static EngagementException unreachable(Exception e) {
    return new EngagementException(
        "cannot reach the Temporal service: "
            + failureMessage(e)
            + " (start one with 'blueprint up', or set --address / TEMPORAL_ADDRESS)",
        e);
  }
}
