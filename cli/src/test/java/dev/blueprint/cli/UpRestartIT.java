package dev.blueprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.targets.testing.TestTools;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code blueprint up} with the Temporal CLI (built by {@code make tools}) keeps an engagement
 * across a crash: the packaged jar runs {@code up}, an engagement waits in human review, the whole
 * process tree ({@code up} and its temporal child) is killed with SIGKILL, {@code up} starts again
 * on the same state directory, the review is approved, and the engagement completes with one
 * commit.
 */
class UpRestartIT {

  static final Path ROOT =
      Path.of(System.getProperty("blueprint.root", "..")).toAbsolutePath().normalize();
  static final Path REQUIREMENTS = ROOT.resolve("examples/clickstream-analytics/requirements.yaml");
  static final String SLUG = "clickstream-analytics";

  @TempDir Path tmp;

  final List<Process> ups = new ArrayList<>();

  @AfterEach
  void killAll() throws InterruptedException {
    for (Process p : ups) {
      killTree(p);
    }
  }

  static Path temporal() {
    Path bin = ROOT.resolve("build/tools/bin/temporal");
    if (!Files.isExecutable(bin)) {
      String why = "the Temporal CLI is not built at " + bin + "; run make tools";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(why);
      }
      Assumptions.abort(why);
    }
    return bin;
  }

  /** Starts {@code up} and waits for its banner; returns the banner and what follows. */
  Process up(int port, Path state, Path workspace, Path log) throws Exception {
    List<String> cmd =
        List.of(
            ProcessHandle.current().info().command().orElse("java"),
            "-Xmx384m",
            "-jar",
            ROOT.resolve("cli/target/blueprint.jar").toString(),
            "up",
            "--port",
            Integer.toString(port),
            "--state-dir",
            state.toString(),
            "--workspace",
            workspace.toString(),
            "--temporal-cli",
            temporal().toString());
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ups.add(p);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      String out = Files.readString(log, StandardCharsets.UTF_8);
      if (out.contains("Ctrl-C stops both")) {
        return p;
      }
      assertTrue(p.isAlive(), "up exited:\n" + out);
      Thread.sleep(200);
    }
    throw new AssertionError("up did not come up:\n" + Files.readString(log));
  }

  /** SIGKILL to {@code up} and every process it started (the temporal dev server). */
  static void killTree(Process p) throws InterruptedException {
    List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
    p.destroyForcibly();
    for (ProcessHandle h : tree) {
      h.destroyForcibly();
    }
    p.waitFor(30, TimeUnit.SECONDS);
    for (ProcessHandle h : tree) {
      h.onExit().completeOnTimeout(h, 30, TimeUnit.SECONDS).join();
    }
  }

  static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  record Run(int exit, String out, String err) {}

  static Run cli(String address, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--address", address));
    int exit =
        Cli.create(new PrintWriter(out), new PrintWriter(err)).execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  static JsonNode awaitStep(String address, String step) throws Exception {
    JsonNode last = null;
    for (int i = 0; i < 600; i++) {
      Run r = cli(address, "engagement", "status", SLUG, "--format", "json");
      if (r.exit() == 0) {
        last = new ObjectMapper().readTree(r.out());
        if (last.get("step").asText().equals(step)) {
          return last;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("never reached " + step + ": " + last);
  }

  @Test
  void anEngagementInReviewSurvivesAKilledUpAndCompletesOnce() throws Exception {
    Path cliBin = temporal();
    Path state = tmp.resolve("state");
    Path workspace = tmp.resolve("engagements");
    int port = TestTools.freePort();
    String address = "127.0.0.1:" + port;

    Process first = up(port, state, workspace, tmp.resolve("up1.log"));
    String banner = Files.readString(tmp.resolve("up1.log"));
    assertTrue(
        banner.contains(
            "  server: Temporal CLI dev server ("
                + cliBin
                + ", from --temporal-cli) with SQLite at "
                + state.resolve("temporal.db")),
        banner);
    assertTrue(
        banner.contains(
            "  state: "
                + state
                + " (engagements, their history and pending reviews survive a restart of up)"),
        banner);
    assertFalse(banner.contains("note:"), banner);
    List<ProcessHandle> children = first.descendants().toList();
    assertTrue(
        children.stream().anyMatch(h -> h.info().command().orElse("").endsWith("/temporal")),
        "temporal runs as a child of up");

    Run start = cli(address, "engagement", "start", REQUIREMENTS.toString());
    assertEquals(0, start.exit(), start.err());
    assertEquals(1, awaitStep(address, "HUMAN_REVIEW").get("revision").asInt());

    killTree(first);
    for (ProcessHandle h : children) {
      assertFalse(h.isAlive(), "killed: " + h.info());
    }
    assertFalse(listening(port), "the server is gone with up");

    up(port, state, workspace, tmp.resolve("up2.log"));
    JsonNode status = awaitStep(address, "HUMAN_REVIEW");
    assertEquals(1, status.get("revision").asInt(), status.toString());
    Run approve = cli(address, "engagement", "approve", SLUG, "--comment", "after the crash");
    assertEquals(0, approve.exit(), approve.err());
    Run result = cli(address, "engagement", "result", SLUG, "--wait", "PT120S");
    assertEquals(0, result.exit(), result.err() + "\n" + Files.readString(tmp.resolve("up2.log")));
    assertTrue(result.out().contains("COMPLETED (revision 1)"), result.out());

    Path repo = workspace.resolve(SLUG).resolve("repo");
    Process git =
        new ProcessBuilder("git", "-C", repo.toString(), "rev-list", "--count", "HEAD")
            .redirectErrorStream(true)
            .start();
    String commits = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(git.waitFor(30, TimeUnit.SECONDS));
    assertEquals("1", commits.strip(), "one commit: the approved revision, published once");

    // SIGKILL of up alone (as the OOM killer would): its dev server lives on, holding the port and
    // the SQLite file; the next up on this state directory stops it and serves the engagements.
    Process second = ups.get(ups.size() - 1);
    List<ProcessHandle> orphans = second.descendants().toList();
    second.destroyForcibly();
    second.waitFor(30, TimeUnit.SECONDS);
    assertTrue(orphans.stream().anyMatch(ProcessHandle::isAlive), "the dev server outlived up");
    assertTrue(listening(port));
    up(port, state, workspace, tmp.resolve("up3.log"));
    String third = Files.readString(tmp.resolve("up3.log"));
    assertTrue(third.contains("note: stopped the Temporal CLI dev server (pid "), third);
    assertTrue(third.contains("  server: Temporal CLI dev server ("), third);
    for (ProcessHandle h : orphans) {
      assertFalse(h.isAlive(), "stopped: " + h.info());
    }
    Run kept = cli(address, "engagement", "result", SLUG, "--wait", "PT60S");
    assertEquals(0, kept.exit(), kept.err());
    assertTrue(kept.out().contains("COMPLETED (revision 1)"), kept.out());
  }
}
