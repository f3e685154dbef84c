package dev.blueprint.workflow.runtime;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.validate.Validator;
import dev.blueprint.workflow.api.ChangeRequest;
import dev.blueprint.workflow.api.DecisionKind;
import dev.blueprint.workflow.api.DecisionRecord;
import dev.blueprint.workflow.api.DecisionRequest;
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
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The client side of engagements: start, list, ask, decide, cancel, wait for the result. */
public final class Engagements {

  /** One engagement as the list shows it. */
  public record Listed(
      String slug,
      String workflowId,
      String runId,
      String status,
      Instant start,
      boolean resumed) {}

  private final WorkflowClient client;
  private final String taskQueue;
  private final Duration timeout;

  /** A client without deadlines of its own (the server's call deadlines still apply). */
  public Engagements(WorkflowClient client) {
    this(client, EngagementWorkflow.TASK_QUEUE, null);
  }

  /** A client for a worker polling {@code taskQueue} (tests use their own queue). */
  public Engagements(WorkflowClient client, String taskQueue) {
    this(client, taskQueue, null);
  }

  /**
   * A client that waits at most {@code timeout} for an engagement to answer (null: no deadline of
   * its own). A decision it sends carries that deadline: a worker that first sees it later refuses
   * it, so a decision this client gave up on is never applied behind the user's back. The
   * connection's query timeout should be the same (see {@link Connection#stubs(Duration)}).
   */
  public Engagements(WorkflowClient client, String taskQueue, Duration timeout) {
    this.client = client;
    this.taskQueue = taskQueue;
    this.timeout = timeout;
  }

  /** How long this client waits for an answer, or null for as long as the server holds a call. */
  public Duration timeout() {
    return timeout;
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
      WorkflowExecution started = WorkflowClient.start(stub::run, input);
      awaitHost(input.slug());
      return started;
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

  /**
   * Waits (up to the timeout; not at all without one) until a worker has taken the engagement and
   * moved it to its host's queue: a question asked while it moves would wait for the run it left.
   * An engagement no worker takes in time stays started; questions to it then say why they wait.
   */
  private void awaitHost(String slug) {
    if (timeout == null || !EngagementWorkflow.TASK_QUEUE.equals(taskQueue)) {
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && EngagementWorkflow.TASK_QUEUE.equals(queueOf(slug))) {
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
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
      // the Java test server lists no memo: ask each open engagement's description for it
      open.getExecutionsList()
          .forEach(
              i ->
                  out.add(
                      listed(
                          i.getMemo().getFieldsCount() > 0
                              ? i
                              : client
                                  .getWorkflowServiceStubs()
                                  .blockingStub()
                                  .describeWorkflowExecution(
                                      DescribeWorkflowExecutionRequest.newBuilder()
                                          .setNamespace(ns)
                                          .setExecution(i.getExecution())
                                          .build())
                                  .getWorkflowExecutionInfo())));
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
        Instant.ofEpochSecond(i.getStartTime().getSeconds(), i.getStartTime().getNanos()),
        i.getMemo().getFieldsMap().containsKey(EngagementWorkflow.RESUMED_MEMO));
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
    return timed(slug, () -> stub(slug).status());
  }

  public DecisionRecord approve(String slug, String comment) {
    return decide(slug, DecisionRequest.approve(0, comment, List.of()));
  }

  public DecisionRecord reject(String slug, String reason) {
    return decide(slug, DecisionRequest.reject(0, reason));
  }

  /**
   * Sends a decision and waits for the engagement to accept or refuse it. With a timeout, an
   * engagement that is not running is refused with its state, one that no worker answers within the
   * timeout is refused before anything is sent, and the decision carries its deadline (from {@code
   * request.notAfterMillis()}, or now plus the timeout): when it is not confirmed in time it was
   * not applied, and no worker applies it later.
   */
  public DecisionRecord decide(String slug, DecisionRequest request) {
    return decide(slug, request, amended -> {});
  }

  /**
   * The same; {@code beforeSending} gets the amended blueprint of a change request once it is
   * loaded and checked, before anything is sent (the CLI shows the review the revision will get),
   * so that a large blueprint is loaded once.
   */
  public DecisionRecord decide(
      String slug, DecisionRequest request, Consumer<Blueprint> beforeSending) {
    if (request.kind() == DecisionKind.REQUEST_CHANGES
        && request.change() != null
        && request.change().blueprintYaml() != null
        && !request.change().blueprintYaml().isBlank()) {
      beforeSending.accept(checkAmendedBlueprint(slug, request.change()));
    }
    if (timeout == null) {
      return call(slug, () -> stub(slug).decide(request));
    }
    requireWorker(slug);
    DecisionRequest sent =
        request.notAfterMillis() > 0
            ? request
            : request.notAfter(System.currentTimeMillis() + timeout.toMillis());
    WorkflowStub stub = client.newUntypedWorkflowStub(EngagementInput.workflowId(slug));
    long waitMillis = Math.max(0, sent.notAfterMillis() - System.currentTimeMillis()) + 1000;
    return within(
        slug,
        () -> stub.update("decide", DecisionRecord.class, sent),
        waitMillis,
        () ->
            new EngagementException(
                "not applied: engagement "
                    + slug
                    + " did not confirm the decision by "
                    + Instant.ofEpochMilli(sent.notAfterMillis())
                    + " (--timeout "
                    + timeout.toSeconds()
                    + " s), and a worker that takes it later refuses it; check that a worker"
                    + " runs ('blueprint up' or 'blueprint worker') and decide again"));
  }

  /**
   * Refuses, before anything is sent, a decision to an engagement that has ended or that no worker
   * answers within the timeout (a decision sent then would wait until a worker returns).
   */
  private void requireWorker(String slug) {
    WorkflowExecutionStatus status =
        call(
            slug,
            () ->
                client
                    .newUntypedWorkflowStub(EngagementInput.workflowId(slug))
                    .describe()
                    .getStatus());
    if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      throw ended(slug, status);
    }
    timed(slug, () -> stub(slug).currentStep());
  }

  /**
   * A question to the engagement that gives up after the timeout: the SDK retries a query whose
   * call deadline passed for up to a minute, so the wait is bounded here.
   */
  private <T> T timed(String slug, Supplier<T> question) {
    if (timeout == null) {
      return call(slug, question);
    }
    return within(slug, question, timeout.toMillis(), () -> noWorker(slug));
  }

  /** Runs a call to the server on a thread of its own and waits for it at most {@code millis}. */
  private <T> T within(
      String slug, Supplier<T> action, long millis, Supplier<EngagementException> late) {
    CompletableFuture<T> answer = new CompletableFuture<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                answer.complete(call(slug, action));
              } catch (RuntimeException e) {
                answer.completeExceptionally(e);
              }
            },
            "engagement-call-" + slug);
    caller.setDaemon(true);
    caller.start();
    try {
      return answer.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      caller.interrupt();
      throw late.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new EngagementException(failureMessage(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngagementException("interrupted while waiting for engagement " + slug, e);
    }
  }

  /**
   * Sends a change request after checking here what opening the revision will check: the amended
   * blueprint loads, validates, has an architecture and names this engagement. A mistyped file is
   * refused with its problems before anything reaches the engagement.
   */
  public DecisionRecord requestChanges(String slug, ChangeRequest request) {
    return decide(slug, DecisionRequest.requestChanges(0, request));
  }

  static Blueprint checkAmendedBlueprint(String slug, ChangeRequest request) {
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
    return amended;
  }

  public DecisionRecord comment(String slug, String text) {
    return decide(slug, DecisionRequest.comment(text));
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
      if (deadlineExceeded(e)) {
        throw noWorker(slug);
      }
      throw new EngagementException(
          "cannot ask engagement " + slug + ": " + failureMessage(e) + " (is a worker running?)");
    } catch (WorkflowServiceException e) {
      if (e.getCause() instanceof StatusRuntimeException sre
          && sre.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw notFound(slug);
      }
      if (deadlineExceeded(e)) {
        throw noWorker(slug);
      }
      throw unreachable(e);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
        throw noWorker(slug);
      }
      throw unreachable(e);
    }
  }

  private static boolean deadlineExceeded(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StatusRuntimeException sre
          && sre.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
        return true;
      }
    }
    return false;
  }

  /** A running engagement that did not answer in time: no worker polls its task queue. */
  private EngagementException noWorker(String slug) {
    return new NoAnswerException(
        "engagement "
            + slug
            + " did not answer"
            + (timeout == null ? "" : " within " + timeout.toSeconds() + " s")
            + ": no worker is polling task queue "
            + queueOf(slug)
            + ", or the one that does is busy with a long step (start 'blueprint up', or"
            + " 'blueprint worker' against this server; --timeout waits longer)");
  }

  /**
   * Whether a worker has taken the engagement (it runs on its host's queue); false while it waits
   * on the shared queue for one.
   */
  public boolean taken(String slug) {
    return !EngagementWorkflow.TASK_QUEUE.equals(queueOf(slug));
  }

  /**
   * The task queue the engagement runs on now: its host's (where its workspace is) once it has one,
   * else the shared queue.
   */
  private String queueOf(String slug) {
    try {
      return client
          .getWorkflowServiceStubs()
          .blockingStub()
          .withDeadlineAfter(5, TimeUnit.SECONDS)
          .describeWorkflowExecution(
              DescribeWorkflowExecutionRequest.newBuilder()
                  .setNamespace(client.getOptions().getNamespace())
                  .setExecution(
                      WorkflowExecution.newBuilder()
                          .setWorkflowId(EngagementInput.workflowId(slug))
                          .build())
                  .build())
          .getExecutionConfig()
          .getTaskQueue()
          .getName();
    } catch (StatusRuntimeException e) {
      return taskQueue;
    }
  }

  private static EngagementException ended(String slug, WorkflowExecutionStatus status) {
    return new EngagementException(
        "engagement "
            + slug
            + " has ended ("
            + status.name().replace("WORKFLOW_EXECUTION_STATUS_", "")
            + "); nothing was changed; 'blueprint engagement result "
            + slug
            + "' shows how");
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
        return ended(slug, status);
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
