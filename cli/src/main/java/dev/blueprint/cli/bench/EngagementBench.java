package dev.blueprint.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.blueprint.cli.VersionProvider;
import dev.blueprint.workflow.activities.EngagementActivitiesImpl;
import dev.blueprint.workflow.activities.StepHooks;
import dev.blueprint.workflow.activities.Workspace;
import dev.blueprint.workflow.api.EngagementInput;
import dev.blueprint.workflow.api.EngagementResult;
import dev.blueprint.workflow.api.Outcome;
import dev.blueprint.workflow.api.Step;
import dev.blueprint.workflow.api.Tuning;
import dev.blueprint.workflow.runtime.Connection;
import dev.blueprint.workflow.runtime.DefaultPorts;
import dev.blueprint.workflow.runtime.DevServer;
import dev.blueprint.workflow.runtime.EngagementWorker;
import dev.blueprint.workflow.runtime.Engagements;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures engagements on the embedded default that {@code blueprint up} runs: the in-process
 * Temporal dev server and one worker with the production activities (real advisor, reviewer,
 * generator and publisher), every engagement auto-approved. Each figure stands next to an empty
 * workflow's on the same server, the baseline of the ratios in BENCHMARKS.md:
 *
 * <ul>
 *   <li>end to end, start to COMPLETED, p50 and p95 over 50 engagements one after another, against
 *       the round trip (start to result) of an empty workflow;
 *   <li>100 engagements in flight on the one worker: wall time, throughput, failures;
 *   <li>a review history of 1,000 comments replayed by a worker that starts cold (a status query
 *       after a worker restart replays the whole history), against the same for an empty workflow.
 * </ul>
 *
 * <p>Usage: {@code java -cp cli/target/blueprint.jar dev.blueprint.cli.bench.EngagementBench
 * REQUIREMENTS.yaml OUT.json [SEQUENTIAL IN_FLIGHT COMMENTS]}. A benchmark, not a test: it asserts
 * nothing, it reports.
 */
public final class EngagementBench {

  /** A workflow that does nothing: the baseline round trip on the same server. */
  @WorkflowInterface
  public interface EmptyWorkflow {
    @WorkflowMethod(name = "BenchEmpty")
    String run(String input);

    @QueryMethod
    String state();
  }

  /** The empty workflow's implementation. */
  public static final class EmptyWorkflowImpl implements EmptyWorkflow {
    @Override
    public String run(String input) {
      return input;
    }

    @Override
    public String state() {
      return "done";
    }
  }

  static final String EMPTY_QUEUE = "bench-empty";
  static final int WARM_UP_EMPTY = 20;

  /**
   * Engagements run before measuring. The JIT is still compiling an engagement's code after these
   * (CPU per engagement falls for hundreds more, see bench/findings.md); {@code
   * -Dblueprint.bench.warmUpEngagements=N} measures later, closer to a long-running worker.
   */
  static final int WARM_UP_ENGAGEMENTS =
      Integer.getInteger("blueprint.bench.warmUpEngagements", 10);

  /**
   * Sticky queues for the engagements' worker as {@code blueprint up} runs them: on, for its worker
   * lives and dies with its server ({@code -Dblueprint.bench.sticky=false} turns them off, for
   * comparison). The empty workflow's worker runs without them. The replay phase restarts workers
   * while the server lives, which {@code up} never does and the Java test server does not survive
   * with sticky queues (it never moves a workflow off a stopped worker's sticky queue): it runs
   * without them, as a worker started separately against this server does.
   */
  static final boolean STICKY =
      Boolean.parseBoolean(System.getProperty("blueprint.bench.sticky", "true"));

  static final Duration WAIT = Duration.ofMinutes(5);

  private final String requirements;
  private final Workspace workspace;
  private final WorkflowClient client;
  private final Engagements engagements;
  private EngagementWorker worker;
  private boolean sticky = STICKY;
  private WorkerFactory emptyWorker;

  private EngagementBench(String requirements, Workspace workspace, WorkflowClient client) {
    this.requirements = requirements;
    this.workspace = workspace;
    this.client = client;
    this.engagements = new Engagements(client);
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2 && args.length != 5) {
      System.err.println(
          "usage: EngagementBench REQUIREMENTS.yaml OUT.json [SEQUENTIAL IN_FLIGHT COMMENTS]");
      System.exit(2);
    }
    int sequential = args.length == 5 ? Integer.parseInt(args[2]) : 50;
    int inFlight = args.length == 5 ? Integer.parseInt(args[3]) : 100;
    int comments = args.length == 5 ? Integer.parseInt(args[4]) : 1000;
    try {
      measure(Path.of(args[0]), Path.of(args[1]), sequential, inFlight, comments);
    } catch (Exception | Error e) {
      // the worker's and the server's threads would keep the JVM alive after main's failure
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private static void measure(
      Path requirementsFile, Path out, int sequential, int inFlight, int comments)
      throws Exception {
    Path root = Files.createTempDirectory("blueprint-bench-engagements-");
    try (DevServer server = DevServer.start(0)) {
      WorkflowServiceStubs stubs = Connection.local(server.port()).stubs();
      try {
        WorkflowClient client = Connection.local(server.port()).client(stubs);
        EngagementBench bench =
            new EngagementBench(
                Files.readString(requirementsFile), new Workspace(root.resolve("ws")), client);
        Map<String, Object> result = bench.run(sequential, inFlight, comments);
        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValue(out.toFile(), result);
        System.out.println(new ObjectMapper().writeValueAsString(result.get("rows")));
      } finally {
        stubs.shutdown();
      }
    } finally {
      deleteQuietly(root);
    }
  }

  private Map<String, Object> run(int sequential, int inFlight, int comments) throws Exception {
    startWorkers();
    // Both sides warm before either is measured: the empty workflow's path (client, server,
    // worker) is short and warm after a few runs; an engagement's (YAML, validation, advice,
    // FreeMarker, git) is long and its JIT compilation was still under way after 3 engagements,
    // which put compilation into the measured p50. The warm-up runs are not measured.
    log(
        "warm-up: "
            + WARM_UP_EMPTY
            + " empty workflows and "
            + WARM_UP_ENGAGEMENTS
            + " engagements");
    for (int i = 0; i < WARM_UP_EMPTY; i++) {
      emptyRoundTrip("warm-" + i);
    }
    for (int i = 0; i < WARM_UP_ENGAGEMENTS; i++) {
      engagementEndToEnd(String.format(Locale.ROOT, "warm-%02d", i));
    }

    log("empty workflow round trips: " + sequential);
    List<Double> empty = new ArrayList<>();
    for (int i = 0; i < sequential; i++) {
      empty.add(emptyRoundTrip("e" + i));
    }
    log("engagements end to end, one after another: " + sequential);
    List<Double> endToEnd = new ArrayList<>();
    List<long[]> timings = new ArrayList<>();
    long cpuBefore = processCpuNanos();
    int sequentialFailed = 0;
    for (int i = 0; i < sequential; i++) {
      long wallStart = System.currentTimeMillis();
      long gcBefore = gcMillis();
      long cpu = processCpuNanos();
      double ms = engagementEndToEnd(String.format(Locale.ROOT, "seq-%03d", i));
      cpu = processCpuNanos() - cpu;
      if (ms < 0) {
        sequentialFailed++;
      } else {
        endToEnd.add(ms);
        timings.add(
            new long[] {
              i, wallStart, Math.round(ms * 1000), gcMillis() - gcBefore, cpu / 1_000_000
            });
      }
    }

    Map<String, Object> breakdown =
        breakdown(
            EngagementInput.workflowId(
                String.format(Locale.ROOT, "bench-seq-%03d", sequential - 1)));

    double cpuPerEngagement = (processCpuNanos() - cpuBefore) / 1e6 / sequential;
    Map<String, Object> perEngagement = perEngagement(timings);
    perEngagement.put("processCpuMsPerEngagement", cpuPerEngagement);

    log(inFlight + " engagements in flight");
    Map<String, Object> flight = inFlight(inFlight);

    log("a review with " + comments + " comments, then a cold replay");
    stopWorkers();
    sticky = false;
    startWorkers();
    Map<String, Object> replay = replay(comments);

    double emptyP50 = percentile(empty, 50);
    double e2eP50 = percentile(endToEnd, 50);
    double e2eP95 = percentile(endToEnd, 95);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put(
        "description",
        "Embedded default (the in-process Temporal dev server that `blueprint up` starts, one"
            + " worker with the production activities: advisor, reviewer, generator, publisher"
            + " without a remote), engagements of examples/clickstream-analytics/requirements.yaml"
            + " with auto-approval, each with its own id. The baseline is a workflow that returns"
            + " its input, on the same server and client.");
    r.put("endToEndP50Ms", e2eP50);
    r.put("endToEndP95Ms", e2eP95);
    r.put("endToEndRuns", endToEnd.size());
    r.put("endToEndFailed", sequentialFailed);
    r.put("emptyWorkflowP50Ms", emptyP50);
    r.put("emptyWorkflowP95Ms", percentile(empty, 95));
    r.put("breakdownOfLastEngagement", breakdown);
    r.put("perEngagement", perEngagement);
    r.put("inFlight", flight);
    r.put("replay", replay);
    List<Map<String, String>> rows = new ArrayList<>();
    rows.add(
        row(
            "Start to COMPLETED, p50 (" + endToEnd.size() + " engagements)",
            ms(e2eP50),
            ms(emptyP50) + " (p50)",
            ratio(e2eP50, emptyP50)));
    rows.add(
        row(
            "Start to COMPLETED, p95",
            ms(e2eP95),
            ms(percentile(empty, 95)) + " (p95)",
            ratio(e2eP95, percentile(empty, 95))));
    double flightWall = ((Number) flight.get("wallMs")).doubleValue();
    rows.add(
        row(
            inFlight + " engagements in flight on one worker: all done after",
            ms(flightWall)
                + String.format(
                    Locale.ROOT,
                    " (%.1f engagements/s; %s completed, %s failed)",
                    1000.0 * inFlight / flightWall,
                    flight.get("completed"),
                    flight.get("failed")),
            ms(emptyP50) + " (one empty round trip)",
            ratio(flightWall / inFlight, emptyP50) + " per engagement"));
    rows.add(
        row(
            "Cold replay of a review with "
                + comments
                + " comments: its latest run after "
                + replay.get("continuedAsNew")
                + " continue-as-new ("
                + replay.get("historyEvents")
                + " events, "
                + replay.get("decisionsInState")
                + " decisions in its state), status query on a fresh worker, median of 3",
            ms(((Number) replay.get("replayMs")).doubleValue()),
            ms(((Number) replay.get("emptyReplayMs")).doubleValue()) + " (empty workflow)",
            ratio(
                ((Number) replay.get("replayMs")).doubleValue(),
                ((Number) replay.get("emptyReplayMs")).doubleValue())));
    rows.add(
        row(
            "Adding one comment to the open review (update round trip), p50 over " + comments,
            ms(((Number) replay.get("commentP50Ms")).doubleValue()),
            ms(emptyP50) + " (p50)",
            ratio(((Number) replay.get("commentP50Ms")).doubleValue(), emptyP50)));
    r.put("rows", rows);
    stopWorkers();
    return r;
  }

  private void startWorkers() {
    EngagementActivitiesImpl activities =
        new EngagementActivitiesImpl(
            workspace, DefaultPorts.create(workspace, VersionProvider.version()), StepHooks.NONE);
    worker =
        EngagementWorker.start(
            client, activities, sticky ? EngagementWorker.Sticky.ON : EngagementWorker.Sticky.OFF);
    emptyWorker = WorkerFactory.newInstance(client);
    // Without sticky queues whatever the engagements' worker does: a one-task workflow cannot
    // gain from them (its round trip was no faster with them, 1-4 ms slower in 3 noisy pairs), and
    // the baseline should not be slowed by an option that cannot help it.
    emptyWorker
        .newWorker(
            EMPTY_QUEUE,
            WorkerOptions.newBuilder().setStickyQueueScheduleToStartTimeout(Duration.ZERO).build())
        .registerWorkflowImplementationTypes(EmptyWorkflowImpl.class);
    emptyWorker.start();
  }

  private void stopWorkers() {
    worker.shutdown(Duration.ofSeconds(10));
    emptyWorker.shutdown();
    emptyWorker.awaitTermination(10, TimeUnit.SECONDS);
  }

  private double emptyRoundTrip(String id) {
    EmptyWorkflow stub =
        client.newWorkflowStub(
            EmptyWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("empty-" + id)
                .setTaskQueue(EMPTY_QUEUE)
                .build());
    long t0 = System.nanoTime();
    WorkflowClient.start(stub::run, id);
    WorkflowStub.fromTyped(stub).getResult(String.class);
    return (System.nanoTime() - t0) / 1e6;
  }

  private EngagementInput input(String slug, boolean autoApprove, Tuning tuning) {
    String yaml = requirements.replaceFirst("(?m)^  id: .*$", "  id: " + slug);
    EngagementInput in = EngagementInput.of(slug, "bench/" + slug + ".yaml", yaml, autoApprove);
    return tuning == null ? in : in.withTuning(tuning);
  }

  /** Start to COMPLETED in ms, or -1 when the engagement did not complete. */
  private double engagementEndToEnd(String id) {
    String slug = "bench-" + id;
    long t0 = System.nanoTime();
    engagements.start(input(slug, true, null));
    try {
      EngagementResult result = engagements.awaitResult(slug, WAIT);
      double ms = (System.nanoTime() - t0) / 1e6;
      if (result.outcome() != Outcome.COMPLETED) {
        log("engagement " + slug + " ended " + result.outcome() + ": " + result.failure());
        return -1;
      }
      return ms;
    } catch (Exception e) {
      log("engagement " + slug + " failed: " + e.getMessage());
      return -1;
    }
  }

  private Map<String, Object> inFlight(int count) throws InterruptedException {
    List<String> slugs = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < count; i++) {
      String slug = String.format(Locale.ROOT, "bench-flight-%03d", i);
      engagements.start(input(slug, true, null));
      slugs.add(slug);
    }
    long started = System.nanoTime();
    AtomicInteger completed = new AtomicInteger();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    List<Thread> waiters = new ArrayList<>();
    for (String slug : slugs) {
      Thread t =
          new Thread(
              () -> {
                try {
                  EngagementResult r = engagements.awaitResult(slug, WAIT);
                  if (r.outcome() == Outcome.COMPLETED) {
                    completed.incrementAndGet();
                  } else {
                    failures.add(slug + ": " + r.outcome() + " " + r.failure());
                  }
                } catch (Exception e) {
                  failures.add(slug + ": " + e.getMessage());
                }
              },
              "await-" + slug);
      t.start();
      waiters.add(t);
    }
    for (Thread t : waiters) {
      t.join();
    }
    double wall = (System.nanoTime() - t0) / 1e6;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("engagements", count);
    m.put("completed", completed.get());
    m.put("failed", count - completed.get());
    m.put("startAllMs", (started - t0) / 1e6);
    m.put("wallMs", wall);
    m.put("failures", failures.size() > 10 ? failures.subList(0, 10) : failures);
    return m;
  }

  private Map<String, Object> replay(int comments) throws Exception {
    String slug = "bench-review";
    // a history limit above what 1,000 comments need, so the whole review stays in one history
    engagements.start(input(slug, false, new Tuning(300, 30, 5, 1_000_000)));
    awaitStep(slug, Step.HUMAN_REVIEW);
    List<Double> commentMs = new ArrayList<>();
    for (int i = 0; i < comments; i++) {
      long t0 = System.nanoTime();
      engagements.comment(slug, "comment " + (i + 1) + " on the review of the bench engagement");
      commentMs.add((System.nanoTime() - t0) / 1e6);
    }
    String reviewId = EngagementInput.workflowId(slug);
    // a long review continues as new when the server suggests it (as designed): the history a
    // cold worker replays is the latest run's, which carries every comment in its input
    int events = client.fetchHistory(reviewId).getEvents().size();
    int continuedAsNew = engagements.status(slug).runs();
    int decisionsCarried = engagements.status(slug).decisions().size();
    String emptyId = "empty-replayed";
    emptyRoundTrip("replayed");

    List<Double> replays = new ArrayList<>();
    List<Double> emptyReplays = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      // a new worker has an empty cache: answering a query means replaying the whole history
      stopWorkers();
      startWorkers();
      long t0 = System.nanoTime();
      engagements.status(slug);
      replays.add((System.nanoTime() - t0) / 1e6);
      stopWorkers();
      startWorkers();
      t0 = System.nanoTime();
      client.newWorkflowStub(EmptyWorkflow.class, emptyId).state();
      emptyReplays.add((System.nanoTime() - t0) / 1e6);
    }
    engagements.cancel(slug);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("comments", comments);
    m.put("historyEvents", events);
    m.put("continuedAsNew", continuedAsNew);
    m.put("decisionsInState", decisionsCarried);
    m.put("commentP50Ms", percentile(commentMs, 50));
    m.put("commentP95Ms", percentile(commentMs, 95));
    m.put("replayMs", percentile(replays, 50));
    m.put("replaysMs", replays);
    m.put("emptyReplayMs", percentile(emptyReplays, 50));
    m.put("emptyReplaysMs", emptyReplays);
    return m;
  }

  /**
   * Where an engagement's time goes, from its history: for each activity, from scheduled to started
   * (waiting for the worker) and from started to completed (the work), and the rest.
   */
  private Map<String, Object> breakdown(String workflowId) {
    List<HistoryEvent> events = client.fetchHistory(workflowId).getEvents();
    Map<Long, HistoryEvent> byId = new LinkedHashMap<>();
    events.forEach(e -> byId.put(e.getEventId(), e));
    Map<String, Object> activities = new LinkedHashMap<>();
    double queued = 0;
    double working = 0;
    double inWorkflowTasks = 0;
    int workflowTasks = 0;
    HistoryEvent taskStarted = null;
    for (HistoryEvent e : events) {
      if (e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED) {
        taskStarted = e;
      }
      if (e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
        workflowTasks++;
        inWorkflowTasks += taskStarted == null ? 0 : millis(e) - millis(taskStarted);
      }
      if (e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED
          && e.getMarkerRecordedEventAttributes().getMarkerName().equals("LocalActivity")) {
        // a local activity runs inside a workflow task; its time is part of that task's
        var type = e.getMarkerRecordedEventAttributes().getDetailsMap().get("type");
        String name =
            type == null ? "local activity" : type.getPayloads(0).getData().toStringUtf8();
        activities.merge(
            name.replace("\"", ""), "local activity (in a workflow task)", (a, b) -> a + "; " + b);
        continue;
      }
      if (e.getEventType() != EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
        continue;
      }
      var done = e.getActivityTaskCompletedEventAttributes();
      HistoryEvent scheduled = byId.get(done.getScheduledEventId());
      HistoryEvent started = byId.get(done.getStartedEventId());
      double q = millis(started) - millis(scheduled);
      double w = millis(e) - millis(started);
      queued += q;
      working += w;
      String name = scheduled.getActivityTaskScheduledEventAttributes().getActivityType().getName();
      activities.merge(
          name,
          String.format(Locale.ROOT, "%.0f ms work, %.0f ms queued", w, q),
          (a, b) -> a + "; " + b);
    }
    double total = millis(events.get(events.size() - 1)) - millis(events.get(0));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("workflowId", workflowId);
    m.put("historyEvents", events.size());
    m.put("totalMs", total);
    m.put("activityWorkMs", working);
    m.put("activityQueuedMs", queued);
    m.put("workflowTasks", workflowTasks);
    m.put("workflowTasksMs", inWorkflowTasks);
    m.put("restMs", total - working - queued);
    m.put("activities", activities);
    return m;
  }

  /** CPU time of the whole process (client, server, worker, JIT and GC threads), or 0. */
  private static long processCpuNanos() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  private static long gcMillis() {
    long total = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /**
   * Where the end-to-end time of each sequential engagement goes, from the client's clock and its
   * history's event times (the in-process server uses the same clock): from the client's start to
   * the first event, the history's span, from the last event to the client holding the result; the
   * GC time during it; the history's size.
   */
  private Map<String, Object> perEngagement(List<long[]> timings) {
    List<Double> toFirst = new ArrayList<>();
    List<Double> span = new ArrayList<>();
    List<Double> tail = new ArrayList<>();
    List<Double> gc = new ArrayList<>();
    List<Double> bytes = new ArrayList<>();
    List<String> rows = new ArrayList<>();
    Map<String, List<Double>> steps = new LinkedHashMap<>();
    for (long[] t : timings) {
      String id =
          EngagementInput.workflowId(String.format(Locale.ROOT, "bench-seq-%03d", (int) t[0]));
      var history = client.fetchHistory(id).getHistory();
      List<HistoryEvent> events = history.getEventsList();
      double first = millis(events.get(0));
      double last = millis(events.get(events.size() - 1));
      double e2e = t[2] / 1000.0;
      toFirst.add(first - t[1]);
      span.add(last - first);
      tail.add(t[1] + e2e - last);
      gc.add((double) t[3]);
      bytes.add((double) history.getSerializedSize());
      for (int i = 1; i < events.size(); i++) {
        String name =
            String.format(
                Locale.ROOT,
                "%02d %s",
                i + 1,
                events.get(i).getEventType().name().replace("EVENT_TYPE_", ""));
        steps
            .computeIfAbsent(name, k -> new ArrayList<>())
            .add(millis(events.get(i)) - millis(events.get(i - 1)));
      }
      rows.add(
          String.format(
              Locale.ROOT,
              "%d: e2e %.1f, start %.0f, span %.0f, tail %.0f, gc %d, cpu %d",
              t[0],
              e2e,
              first - t[1],
              last - first,
              t[1] + e2e - last,
              t[3],
              t[4]));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("startToFirstEventP50Ms", percentile(toFirst, 50));
    m.put("historySpanP50Ms", percentile(span, 50));
    m.put("historySpanP95Ms", percentile(span, 95));
    m.put("lastEventToResultP50Ms", percentile(tail, 50));
    m.put("gcMsTotal", gc.stream().mapToDouble(Double::doubleValue).sum());
    m.put("historyBytesP50", percentile(bytes, 50));
    Map<String, String> byEvent = new LinkedHashMap<>();
    steps.forEach(
        (k, v) ->
            byEvent.put(
                k,
                String.format(
                    Locale.ROOT,
                    "p50 %.0f, p95 %.0f ms since the previous event",
                    percentile(v, 50),
                    percentile(v, 95))));
    m.put("eventsP50", byEvent);
    m.put("engagements", rows);
    return m;
  }

  private static double millis(HistoryEvent e) {
    return e.getEventTime().getSeconds() * 1000.0 + e.getEventTime().getNanos() / 1e6;
  }

  private void awaitStep(String slug, Step step) throws InterruptedException {
    for (int i = 0; i < 1200; i++) {
      if (engagements.status(slug).step() == step) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(slug + " never reached " + step);
  }

  static double percentile(List<Double> values, int p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  private static Map<String, String> row(
      String measure, String value, String baseline, String ratio) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("measure", measure);
    m.put("value", value);
    m.put("baseline", baseline);
    m.put("ratio", ratio);
    return m;
  }

  private static String ms(double ms) {
    return ms >= 10_000
        ? String.format(Locale.ROOT, "%.1f s", ms / 1000)
        : String.format(Locale.ROOT, "%.0f ms", ms);
  }

  private static String ratio(double a, double b) {
    return String.format(Locale.ROOT, "%.1f", a / b);
  }

  private static void log(String message) {
    System.err.println("[engagements] " + message);
  }

  private static void deleteQuietly(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder; nothing to do
    }
  }
}
