package dev.blueprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code blueprint up} killed with SIGKILL (no shutdown hook runs) in the middle of a review, and
 * again right after the approval, and started again each time: the engagement resumes from its
 * checkpoint with its history, and completes once, with one commit. Runs the packaged jar.
 */
class UpKilledIT {

  static final Path ROOT =
      Path.of(System.getProperty("blueprint.root", "..")).toAbsolutePath().normalize();
  static final String SLUG = "clickstream-analytics";

  @TempDir Path tmp;

  int port;
  final List<String> upOutput = new ArrayList<>();

  Process up() throws Exception {
    Process p =
        new ProcessBuilder(
                "java",
                "-jar",
                ROOT.resolve("cli/target/blueprint.jar").toString(),
                "up",
                "--port",
                Integer.toString(port),
                "--workspace",
                tmp.resolve("engagements").toString(),
                // the mode under test: the in-memory server, with checkpoints
                "--in-memory",
                "--state-dir",
                tmp.resolve("state").toString())
            .redirectErrorStream(true)
            .start();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String line = lines.readLine();
      if (line == null) {
        throw new AssertionError("up ended: " + seen);
      }
      seen.add(line);
      if (line.contains("Ctrl-C stops both")) {
        upOutput.clear();
        upOutput.addAll(seen);
        Thread drain = new Thread(() -> lines.lines().forEach(l -> {}), "up-output");
        drain.setDaemon(true);
        drain.start();
        return p;
      }
    }
    p.destroyForcibly();
    throw new AssertionError("up did not start in time: " + seen);
  }

  static void kill(Process p) throws InterruptedException {
    p.destroyForcibly(); // SIGKILL
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
  }

  record Run(int exit, String out, String err) {}

  Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--address", "127.0.0.1:" + port));
    int exit =
        Cli.create(new PrintWriter(out), new PrintWriter(err)).execute(all.toArray(new String[0]));
    return new Run(exit, out.toString(), err.toString());
  }

  void awaitStatus(String text) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Run r = cli("engagement", "status", SLUG);
      if (r.exit() == 0 && r.out().contains(text)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("never saw '" + text + "': " + cli("engagement", "status", SLUG));
  }

  @Test
  void killedInReviewAndAfterTheApprovalTheEngagementResumesAndCompletesOnce() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process up = up();
    try {
      Run start =
          cli(
              "engagement",
              "start",
              ROOT.resolve("examples/clickstream-analytics/requirements.yaml").toString());
      assertEquals(0, start.exit(), start.err());
      awaitStatus("step HUMAN_REVIEW");
      assertEquals(0, cli("engagement", "comment", SLUG, "check the cache TTL").exit());
      Thread.sleep(500); // the comment's checkpoint follows its confirmation
      kill(up);

      up = up();
      assertTrue(
          upOutput.stream()
              .anyMatch(l -> l.contains(SLUG + ": resumed at HUMAN_REVIEW (revision 1)")),
          upOutput.toString());
      Run list = cli("engagement", "list");
      assertTrue(list.out().contains("RUNNING (resumed)"), list.out());
      awaitStatus("RESUMED");
      Run status = cli("engagement", "status", SLUG);
      assertTrue(status.out().contains("check the cache TTL"), status.out());

      Run approve = cli("engagement", "approve", SLUG, "--comment", "good");
      assertEquals(0, approve.exit(), approve.err());
      kill(up); // right after the approval: generation and publishing are under way or not begun

      up = up();
      Path ws = tmp.resolve("engagements").resolve(SLUG);
      if (upOutput.stream().anyMatch(l -> l.contains(SLUG + ": resumed at"))) {
        // killed while generating or publishing: resumed, and it finishes now
        Run result = cli("engagement", "result", SLUG, "--wait", "PT120S");
        assertEquals(0, result.exit(), result.err() + result.out());
        assertTrue(result.out().contains("COMPLETED (revision 1)"), result.out());
      } else {
        // it finished before the kill: its last checkpoint says so, and nothing resumes it
        assertTrue(
            Files.readString(ws.resolve("checkpoint.json")).contains("\"outcome\" : \"COMPLETED\""),
            upOutput.toString());
      }
      try (Git git = Git.open(ws.resolve("repo").toFile())) {
        List<RevCommit> commits = new ArrayList<>();
        git.log().call().forEach(commits::add);
        assertEquals(1, commits.size(), "one commit for the one approved revision");
      }
    } finally {
      kill(up);
    }
  }
}
