package dev.blueprint.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.targets.testing.TestTools;
import dev.blueprint.workflow.api.EngagementInput;
import dev.blueprint.workflow.api.EngagementResult;
import dev.blueprint.workflow.api.Outcome;
import dev.blueprint.workflow.api.Step;
import dev.blueprint.workflow.api.Tuning;
import dev.blueprint.workflow.runtime.Connection;
import dev.blueprint.workflow.runtime.DevServer;
import dev.blueprint.workflow.runtime.Engagements;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev server and workers in separate processes: a worker killed with SIGKILL during the review
 * and another during an activity (after its side effect) are replaced, and the engagement completes
 * exactly once: one repository, one commit per revision.
 */
class WorkerKillTest {

  @TempDir Path tmp;

  Forks forks;

  @BeforeEach
  void forks() {
    forks = new Forks(tmp, "256m");
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    forks.killAll();
  }

  Process fork(String name, Class<?> main, String... args) throws IOException {
    return forks.fork(name, main, args);
  }

  Process worker(String name, String address, Path root, Path gate) throws IOException {
    return fork(name, KillableWorkerMain.class, address, root.toString(), gate.toString());
  }

  static void kill(Process p) throws InterruptedException {
    Forks.kill(p);
  }

  void await(String what, Duration timeout, BooleanSupplier condition) throws Exception {
    forks.await(what, timeout, Duration.ofMillis(200), condition, () -> "");
  }

  @Test
  void killedWorkersAreReplacedAndTheEngagementCompletesExactlyOnce() throws Exception {
    int port = TestTools.freePort();
    String address = "127.0.0.1:" + port;
    Path root = tmp.resolve("engagements");
    Path gate = Files.createDirectories(tmp.resolve("gate"));
    Path hold = Files.createFile(gate.resolve("hold-" + Step.PUBLISH + "-AFTER"));
    fork("server", DevServer.class, Integer.toString(port));

    Connection c = Connection.local(port);
    WorkflowServiceStubs stubs = c.stubs();
    try {
      Engagements engagements = new Engagements(c.client(stubs));
      await("the server", Duration.ofSeconds(60), () -> engagements.list() != null);
      Process first = worker("worker-1", address, root, gate);

      Path file = TestPorts.example("requirements.yaml");
      engagements.start(
          EngagementInput.of(
                  "clickstream-analytics", file.toString(), Files.readString(file), false)
              .withTuning(new Tuning(120, 2, 5, 2_000)));
      String slug = "clickstream-analytics";
      await(
          "the human review",
          Duration.ofSeconds(90),
          () -> engagements.status(slug).step() == Step.HUMAN_REVIEW);

      kill(first); // during the review
      worker("worker-2", address, root, gate);
      await(
          "an approval through the second worker",
          Duration.ofSeconds(60),
          () -> engagements.approve(slug, "approved after a crash").revision() == 1);
      await(
          "the publish step to commit and hold",
          Duration.ofSeconds(90),
          () -> Files.exists(gate.resolve("at-" + Step.PUBLISH + "-AFTER")));
      assertEquals(
          List.of("1"),
          GitLog.revisions(root.resolve(slug).resolve("repo")),
          "the commit was made before the kill");

      kill(
          forks
              .processes()
              .get(forks.processes().size() - 1)); // during an activity, after its side effect
      Files.delete(hold);
      worker("worker-3", address, root, gate);

      EngagementResult result = engagements.awaitResult(slug, Duration.ofSeconds(120));
      assertEquals(Outcome.COMPLETED, result.outcome());
      try (Stream<Path> folders = Files.list(root)) {
        assertEquals(List.of(root.resolve(slug)), folders.toList(), "one engagement folder");
      }
      Path repo = root.resolve(slug).resolve("repo");
      assertEquals(repo.toString(), result.paths().repository());
      assertEquals(List.of("1"), GitLog.revisions(repo), "one commit per revision");
      assertTrue(Files.isRegularFile(repo.resolve(".blueprint/generator.json")));
      Histories.save(engagements.client(), EngagementInput.workflowId(slug), "worker-killed");
    } finally {
      stubs.shutdown();
    }
  }
}
