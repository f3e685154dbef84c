package dev.blueprint.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.cli.Cli;
import dev.blueprint.workflow.runtime.Connection;
import dev.blueprint.workflow.runtime.DevServer;
import dev.blueprint.workflow.runtime.EngagementWorker;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engagement commands against the loopback dev server and a worker with the production steps
 * (the same wiring as {@code blueprint up}), through the real command line.
 */
class EngagementCliTest {

  @TempDir static Path tmp;

  static DevServer server;
  static WorkflowServiceStubs stubs;
  static EngagementWorker worker;
  static String address;

  static final Path ROOT =
      Path.of(System.getProperty("blueprint.root", "..")).toAbsolutePath().normalize();
  static final Path REQUIREMENTS = ROOT.resolve("examples/clickstream-analytics/requirements.yaml");
  static final String SLUG = "clickstream-analytics";

  @BeforeAll
  static void up() {
    server = DevServer.start(0);
    address = server.address();
    Connection c = Connection.local(server.port());
    stubs = c.stubs();
    worker =
        EngagementWorker.start(
            c.client(stubs),
            Workers.activities(tmp.resolve("engagements")),
            EngagementWorker.Sticky.AUTO);
  }

  @AfterAll
  static void down() {
    worker.close();
    stubs.shutdown();
    server.close();
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--address";
    all[args.length + 1] = address;
    int exit = Cli.create(new PrintWriter(out), new PrintWriter(err)).execute(all);
    return new Run(exit, out.toString(), err.toString());
  }

  static JsonNode status() throws Exception {
    Run r = run("engagement", "status", SLUG, "--format", "json");
    assertEquals(0, r.exit(), r.err());
    return new ObjectMapper().readTree(r.out());
  }

  static void awaitStep(String step, int revision) throws Exception {
    for (int i = 0; i < 300; i++) {
      Run r = run("engagement", "status", SLUG, "--format", "json");
      if (r.exit() != 0 && r.err().contains("did not answer")) {
        Thread.sleep(100); // the worker holds a workflow task while it advises
        continue;
      }
      JsonNode s = status();
      if (s.get("step").asText().equals(step) && s.get("revision").asInt() == revision) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("never reached " + step + " r" + revision + ": " + status());
  }

  @Test
  void anEngagementFromStartThroughChangesToAPublishedRepository() throws Exception {
    Run start = run("engagement", "start", REQUIREMENTS.toString());
    assertEquals(0, start.exit(), start.err());
    assertTrue(start.out().contains("started engagement " + SLUG), start.out());

    Run again = run("engagement", "start", REQUIREMENTS.toString());
    assertEquals(Cli.FAILED, again.exit());
    assertTrue(again.err().contains("is already running"), again.err());
    assertFalse(again.err().contains("\tat "), "no stack trace");

    awaitStep("HUMAN_REVIEW", 1);
    assertEquals(0, run("engagement", "comment", SLUG, "the cache needs a second look").exit());
    Run early = run("engagement", "result", SLUG);
    assertEquals(Cli.FAILED, early.exit());
    assertTrue(early.err().contains("still running (step HUMAN_REVIEW"), early.err());

    Path amended = tmp.resolve("amended.yaml");
    Files.writeString(
        amended,
        Files.readString(
                tmp.resolve("engagements").resolve(SLUG).resolve("revisions/1/blueprint.yaml"))
            .replace("title: Web clickstream", "title: Amended web clickstream"));
    // an invalid amendment is refused with its problems, before anything is sent or reviewed
    Path broken = Files.writeString(tmp.resolve("broken.yaml"), "engagement: [\n");
    Run refused = run("engagement", "request-changes", SLUG, "--blueprint", broken.toString());
    assertEquals(Cli.FAILED, refused.exit());
    assertTrue(
        refused.err().contains(broken + " is not a valid blueprint; engagement " + SLUG)
            && refused.err().contains("is unchanged"),
        refused.err());
    assertFalse(refused.out().contains("review finding(s)"), refused.out());
    Run changes =
        run(
            "engagement",
            "request-changes",
            SLUG,
            "--blueprint",
            amended.toString(),
            "--comment",
            "x");
    assertEquals(0, changes.exit(), changes.err());
    assertTrue(
        changes.out().contains(amended + ": ")
            && changes.out().contains(" review finding(s), 0 HIGH"),
        "the requester sees the review the revision will get: " + changes.out());
    awaitStep("HUMAN_REVIEW", 2);

    Run text = run("engagement", "status", SLUG);
    assertTrue(text.out().contains("revision 2"), text.out());
    assertTrue(text.out().contains("REQUEST_CHANGES"), text.out());

    Run stale = run("engagement", "approve", SLUG, "--revision", "1");
    assertEquals(Cli.FAILED, stale.exit());
    assertTrue(stale.err().contains("revision 1 is not under review"), stale.err());
    Run nothingToAccept =
        run("engagement", "approve", SLUG, "--accept", "RV-REQ-004", "--comment", "why");
    assertEquals(Cli.FAILED, nothingToAccept.exit());
    assertTrue(
        nothingToAccept.err().contains("cannot accept RV-REQ-004: not an open HIGH finding"),
        nothingToAccept.err());
    Run approve = run("engagement", "approve", SLUG, "--revision", "2", "--comment", "good now");
    assertEquals(0, approve.exit(), approve.err());
    Run result = run("engagement", "result", SLUG, "--wait", "PT60S");
    assertEquals(0, result.exit(), result.err());
    assertTrue(result.out().contains("COMPLETED (revision 2)"), result.out());
    Path repo = tmp.resolve("engagements").resolve(SLUG).resolve("repo");
    assertTrue(result.out().contains(repo.toString()), result.out());
    assertTrue(Files.isDirectory(repo.resolve(".git")));

    Run watch = run("engagement", "watch", SLUG, "--plain");
    assertEquals(0, watch.exit(), watch.err());
    assertTrue(watch.out().contains("COMPLETED"), watch.out());

    Run list = run("engagement", "list");
    assertTrue(list.out().contains(SLUG), list.out());
    assertTrue(list.out().contains("COMPLETED"), list.out());

    Run late = run("engagement", "approve", SLUG);
    assertEquals(Cli.FAILED, late.exit());
    assertTrue(late.err().contains("has ended (COMPLETED)"), late.err());
  }

  @Test
  void userErrorsAreOneLineMessages() throws Exception {
    Run unknown = run("engagement", "status", "no-such-engagement");
    assertEquals(Cli.FAILED, unknown.exit());
    assertTrue(unknown.err().contains("no engagement no-such-engagement"), unknown.err());

    Path broken = tmp.resolve("broken.yaml");
    Files.writeString(
        broken, Files.readString(REQUIREMENTS).replace("kind: build-new", "kind: build-sideways"));
    Run invalid = run("engagement", "start", broken.toString());
    assertEquals(Cli.FAILED, invalid.exit());
    assertTrue(invalid.err().contains("build-sideways"), invalid.err());
    assertFalse(invalid.err().contains("\tat "), "no stack trace");

    Run folder = run("engagement", "start", tmp.toString());
    assertEquals(Cli.FAILED, folder.exit());
    assertTrue(folder.err().contains(tmp + ": is a folder"), folder.err());

    Run reject = run("engagement", "reject", SLUG);
    assertEquals(Cli.USAGE, reject.exit(), "--reason is required");

    StringWriter err = new StringWriter();
    int exit =
        Cli.create(new PrintWriter(new StringWriter()), new PrintWriter(err))
            .execute("engagement", "list", "--address", "127.0.0.1:1");
    assertEquals(Cli.FAILED, exit);
    assertTrue(err.toString().contains("cannot reach the Temporal service"), err.toString());
  }
}
