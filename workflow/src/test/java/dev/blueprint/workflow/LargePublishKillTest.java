package dev.blueprint.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.load.BlueprintMapper;
import dev.blueprint.core.synth.SyntheticBlueprints;
import dev.blueprint.targets.testing.TestTools;
import dev.blueprint.workflow.api.ChangeRequest;
import dev.blueprint.workflow.api.DecisionRecord;
import dev.blueprint.workflow.api.DecisionRequest;
import dev.blueprint.workflow.api.EngagementInput;
import dev.blueprint.workflow.api.EngagementResult;
import dev.blueprint.workflow.api.EngagementStatus;
import dev.blueprint.workflow.api.Outcome;
import dev.blueprint.workflow.api.Step;
import dev.blueprint.workflow.api.Tuning;
import dev.blueprint.workflow.runtime.Connection;
import dev.blueprint.workflow.runtime.DevServer;
import dev.blueprint.workflow.runtime.Engagements;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: a 300-pipeline engagement whose worker is killed with SIGKILL while it generates and
 * again while it publishes (committing some two thousand files). After each restart the engagement
 * goes on; it completes once, its one commit holds the generated tree file for file (as the real
 * git reads both), and no staging folder or lock file is left in its workspace.
 */
class LargePublishKillTest {

  @TempDir Path tmp;

  Forks forks;

  @BeforeEach
  void forks() {
    forks = new Forks(tmp, "384m");
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    forks.killAll();
  }

  Process fork(String name, Class<?> main, String... args) throws IOException {
    return forks.fork(name, main, args);
  }

  void await(String what, Duration timeout, BooleanSupplier condition) throws Exception {
    forks.await(
        what,
        timeout,
        Duration.ofMillis(10),
        condition,
        () -> " (last status: " + lastStatus + ")");
  }

  /**
   * {@code files}, checked every few ms, failing at once when the engagement ended. The status is
   * read on a thread of its own ({@link #watch}): a status query waits for the worker's workflow
   * task, which runs the local steps, so it must not hold up the checks of the files.
   */
  BooleanSupplier watching(BooleanSupplier files) {
    return () -> {
      if (files.getAsBoolean()) {
        return true;
      }
      String ended = this.ended;
      if (ended != null) {
        throw new AssertionError("the engagement ended: " + ended);
      }
      return false;
    };
  }

  volatile String ended;

  /** Reads the engagement's status every 2 s into {@link #lastStatus} and {@link #ended}. */
  void watch(Engagements engagements, String slug) {
    Thread t =
        new Thread(
            () -> {
              while (ended == null) {
                try {
                  EngagementStatus s = engagements.status(slug);
                  lastStatus = s.step() + " " + s.outcome() + " revision " + s.revision();
                  if (s.outcome() != Outcome.RUNNING) {
                    ended = s.outcome() + " " + s.failure();
                  }
                  Thread.sleep(2_000);
                } catch (InterruptedException e) {
                  return;
                } catch (RuntimeException e) {
                  // a worker being killed: ask again
                }
              }
            },
            "status-watch");
    t.setDaemon(true);
    t.start();
  }

  volatile String lastStatus = "unknown";

  static boolean any(Path dir, String prefix) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void killedDuringGenerationAndDuringPublishTheEngagementCompletesOnceWithTheWholeTree()
      throws Exception {
    int port = TestTools.freePort();
    String address = "127.0.0.1:" + port;
    Path root = tmp.resolve("engagements");
    Path gate = Files.createDirectories(tmp.resolve("gate"));
    fork("server", DevServer.class, Integer.toString(port));
    String slug = "clickstream-analytics";
    Path ws = root.resolve(slug);

    Connection c = Connection.local(port);
    WorkflowServiceStubs stubs = c.stubs();
    try {
      Engagements engagements = new Engagements(c.client(stubs));
      await("the server", Duration.ofSeconds(60), () -> engagements.list() != null);
      Process worker =
          fork("worker-1", KillableWorkerMain.class, address, root.toString(), gate.toString());

      // the advisor proposes its own architecture: the 300 pipelines come as a change request
      Path file = TestPorts.example("requirements.yaml");
      engagements.start(
          EngagementInput.of(slug, file.toString(), Files.readString(file), false)
              .withTuning(new Tuning(300, 10, 10, 2_000)));
      await(
          "the human review",
          Duration.ofSeconds(120),
          () -> engagements.status(slug).step() == Step.HUMAN_REVIEW);
      String yaml =
          BlueprintMapper.yaml()
              .writeValueAsString(SyntheticBlueprints.make(300, 16))
              .replaceFirst("(?m)^  id: .*$", "  id: " + slug);
      engagements.requestChanges(slug, new ChangeRequest("large.yaml", yaml, "300 pipelines"));
      await(
          "the review of revision 2",
          Duration.ofSeconds(180),
          () -> {
            EngagementStatus s = engagements.status(slug);
            return s.step() == Step.HUMAN_REVIEW && s.reviewedRevision() == 2;
          });
      // the approval's answer may come only once the workflow task that runs the local steps
      // ends: asked on a thread of its own, so that the files can be watched meanwhile
      // the synthetic blueprint states no requirements: its HIGH findings are accepted, with why
      List<String> high =
          engagements.status(slug).findings().stream()
              .filter(f -> f.severity().equals("HIGH"))
              .map(f -> f.ruleId())
              .distinct()
              .toList();
      CompletableFuture<DecisionRecord> approval =
          CompletableFuture.supplyAsync(
              () ->
                  engagements.decide(
                      slug,
                      DecisionRequest.approve(
                          2, "the large one: synthetic, no requirements to meet", high)));
      watch(engagements, slug);

      await(
          "the generation to be writing",
          Duration.ofSeconds(400),
          watching(() -> any(ws, ".generated.staging-")));
      WorkerKillTest.kill(worker);
      assertTrue(any(ws, ".generated.staging-"), "killed while the staging folder was there");
      worker =
          fork("worker-2", KillableWorkerMain.class, address, root.toString(), gate.toString());

      // files only: a status query waits for the worker's workflow task, which runs the publish
      await(
          "the publish to be writing",
          Duration.ofSeconds(400),
          watching(
              () ->
                  any(ws.resolve("repo/.git/objects"), "insert_")
                      || Files.isDirectory(ws.resolve("repo/dags"))
                      || Files.exists(ws.resolve("publish.json"))));
      WorkerKillTest.kill(worker);
      System.out.printf(
          "killed during the publish: pack being written %s, work tree begun %s, index.lock %s%n",
          any(ws.resolve("repo/.git/objects"), "insert_"),
          Files.isDirectory(ws.resolve("repo/dags")),
          Files.exists(ws.resolve("repo/.git/index.lock")));
      assertTrue(
          !Files.exists(ws.resolve("publish.json")), "killed before the publish was recorded");
      fork("worker-3", KillableWorkerMain.class, address, root.toString(), gate.toString());

      assertEquals(2, approval.get(300, TimeUnit.SECONDS).revision());
      EngagementResult result = engagements.awaitResult(slug, Duration.ofSeconds(300));
      assertEquals(Outcome.COMPLETED, result.outcome());
      Path repo = ws.resolve("repo");
      assertEquals(List.of("2"), GitLog.revisions(repo), "one commit per approved revision");
      Map<String, String> committed = committedTree(repo);
      Map<String, String> generated = hashes(ws.resolve("generated"));
      assertTrue(generated.size() > 1_500, "a large tree: " + generated.size() + " files");
      assertEquals(generated, committed, "the commit is the generated tree, file for file");
      assertTrue(committed.containsKey("README.md") && committed.containsKey("Makefile"));
      try (Stream<Path> all = Files.walk(ws)) {
        List<Path> left =
            all.filter(
                    p -> {
                      String n = p.getFileName().toString();
                      return n.endsWith(".lock")
                          || n.contains(".staging-")
                          || n.startsWith(".advice-");
                    })
                .toList();
        assertEquals(List.of(), left, "no staging folder or lock left");
      }
    } finally {
      stubs.shutdown();
    }
  }

  /** path to blob id of the branch's tree, as git ls-tree reads it. */
  static Map<String, String> committedTree(Path repo) throws Exception {
    Map<String, String> tree = new TreeMap<>();
    for (String line : git(repo, null, "ls-tree", "-r", "main").lines().toList()) {
      String[] meta = line.substring(0, line.indexOf('\t')).split(" ");
      tree.put(line.substring(line.indexOf('\t') + 1), meta[2]);
    }
    return tree;
  }

  /** path to blob id of every file of {@code dir}, as git hash-object computes it. */
  static Map<String, String> hashes(Path dir) throws Exception {
    List<Path> files;
    try (Stream<Path> all = Files.walk(dir)) {
      files = all.filter(Files::isRegularFile).sorted().toList();
    }
    StringBuilder paths = new StringBuilder();
    files.forEach(f -> paths.append(f).append('\n'));
    List<String> ids =
        git(dir, paths.toString(), "hash-object", "--no-filters", "--stdin-paths").lines().toList();
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < files.size(); i++) {
      out.put(dir.relativize(files.get(i)).toString(), ids.get(i));
    }
    return out;
  }

  static String git(Path dir, String stdin, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    Thread feeder =
        new Thread(
            () -> {
              try (var in = p.getOutputStream()) {
                if (stdin != null) {
                  in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
              } catch (IOException e) {
                // git ended early: its exit code tells
              }
            });
    feeder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    feeder.join();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
    }
    return out;
  }
}
