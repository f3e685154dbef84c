package dev.blueprint.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blueprint.workflow.activities.EngagementActivitiesImpl;
import dev.blueprint.workflow.activities.StepHooks;
import dev.blueprint.workflow.activities.Workspace;
import dev.blueprint.workflow.api.EngagementInput;
import dev.blueprint.workflow.api.EngagementResult;
import dev.blueprint.workflow.api.EngagementWorkflow;
import dev.blueprint.workflow.api.Outcome;
import dev.blueprint.workflow.runtime.Connection;
import dev.blueprint.workflow.runtime.DevServer;
import dev.blueprint.workflow.runtime.EngagementWorker;
import dev.blueprint.workflow.runtime.Engagements;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100 engagements started at once on a freshly started server and worker (cold loader, cold
 * caches), as `blueprint up` runs them: all complete, each exactly once, with one commit.
 */
class HundredEngagementsTest {

  static final int COUNT = 100;

  @TempDir Path tmp;

  @Test
  void allCompleteOnceOnAFreshServer() throws Exception {
    try (DevServer server = DevServer.start(0)) {
      Connection c = Connection.local(server.port());
      WorkflowServiceStubs stubs = c.stubs(Duration.ofSeconds(30));
      WorkflowClient client = c.client(stubs);
      Workspace ws = new Workspace(tmp.resolve("engagements"));
      EngagementWorker worker =
          EngagementWorker.start(
              client,
              new EngagementActivitiesImpl(
                  ws, TestPorts.ports(ws, tmp.resolve("targets")), StepHooks.NONE),
              EngagementWorker.Sticky.ON);
      Engagements engagements = new Engagements(client, EngagementWorkflow.TASK_QUEUE, null);
      ExecutorService starters = Executors.newFixedThreadPool(16);
      try {
        String requirements = Files.readString(TestPorts.example("requirements.yaml"));
        List<Future<?>> started = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
          String slug = "e-" + i;
          started.add(
              starters.submit(
                  () ->
                      engagements.start(
                          EngagementInput.of(
                              slug,
                              "requirements.yaml",
                              requirements.replace("id: clickstream-analytics", "id: " + slug),
                              true))));
        }
        for (Future<?> f : started) {
          f.get();
        }
        for (int i = 0; i < COUNT; i++) {
          String slug = "e-" + i;
          EngagementResult r = engagements.awaitResult(slug, Duration.ofMinutes(10));
          assertEquals(Outcome.COMPLETED, r.outcome(), slug);
          assertEquals(List.of("1"), GitLog.revisions(ws.repository(slug)), slug);
        }
        try (Stream<Path> dirs = Files.list(ws.root())) {
          assertEquals(COUNT, dirs.count(), "one workspace each, nothing else");
        }
        assertEquals(COUNT, engagements.list().size(), "none duplicated");
      } finally {
        starters.shutdownNow();
        worker.close();
        stubs.shutdown();
      }
    }
  }
}
