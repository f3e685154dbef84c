package dev.blueprint.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code blueprint advise} and {@code blueprint review} end to end through the real CLI. */
class AdviseCommandTest {

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.create(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static Path root() {
    String r = System.getProperty("blueprint.root");
    Path p = r == null ? Paths.get("..") : Paths.get(r);
    return Files.isDirectory(p.resolve("examples")) ? p : Paths.get("..");
  }

  static String clickstream() {
    return root().resolve("examples/clickstream-analytics/requirements.yaml").toString();
  }

  static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void adviseWritesTheThreeFilesAndTheirReviewPasses(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("advice");
    Run r = run("advise", clickstream(), "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("blueprint.yaml", "report.json", "report.md"), names(out));
    assertEquals(List.of("advice"), names(tmp), "no temporary folder is left behind");
    assertTrue(r.out().contains("M-1 Messaging for the web-tracker source: Kafka"), r.out());
    assertEquals("", r.err());
    // the proposal equals the pinned golden file
    assertEquals(
        Files.readString(root().resolve("examples/clickstream-analytics/advice/blueprint.yaml")),
        Files.readString(out.resolve("blueprint.yaml")));

    Run review = run("review", out.resolve("blueprint.yaml").toString(), "--fail-on", "LOW");
    assertEquals(0, review.exit(), review.out() + review.err());
    assertTrue(review.out().contains("0 finding(s)"), review.out());
  }

  @Test
  void aNonEmptyFolderIsRefusedUnlessForced(@TempDir Path tmp) throws Exception {
    Path out = Files.createDirectories(tmp.resolve("advice"));
    Files.writeString(out.resolve("keep.txt"), "mine");
    Run refused = run("advise", clickstream(), "-o", out.toString());
    assertEquals(1, refused.exit());
    assertTrue(refused.err().contains("is not empty; pass --force"), refused.err());
    assertFalse(refused.err().contains("Exception"), refused.err());
    assertEquals(List.of("keep.txt"), names(out));

    // --force replaces an earlier advice, but never deletes files advise did not write
    // (think `-o ~ --force`).
    Run forced = run("advise", clickstream(), "-o", out.toString(), "--force");
    assertEquals(1, forced.exit(), forced.err());
    assertTrue(
        forced.err().contains("holds files that blueprint advise did not write: keep.txt"),
        forced.err());
    assertTrue(forced.err().contains("choose a new or empty folder"), forced.err());
    assertFalse(forced.err().contains("Exception"), forced.err());
    assertEquals(List.of("keep.txt"), names(out));
    assertEquals(List.of("advice"), names(tmp));

    Files.delete(out.resolve("keep.txt"));
    assertEquals(0, run("advise", clickstream(), "-o", out.toString()).exit());
    Files.writeString(out.resolve("report.md"), "stale");
    Run again = run("advise", clickstream(), "-o", out.toString(), "--force");
    assertEquals(0, again.exit(), again.err());
    assertEquals(List.of("blueprint.yaml", "report.json", "report.md"), names(out));
    assertFalse(Files.readString(out.resolve("report.md")).equals("stale"));
    assertEquals(List.of("advice"), names(tmp));
  }

  @Test
  void aBlueprintWithAnArchitectureIsAdvisedFromItsRequirementsAndSaysSo(@TempDir Path tmp)
      throws Exception {
    // A consultant who passes an edited blueprint must learn that its architecture is not used.
    String bp = root().resolve("examples/clickstream-analytics/blueprint.yaml").toString();
    Run r = run("advise", bp, "-o", tmp.resolve("advice").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.err()
            .contains(
                "blueprint: note: "
                    + bp
                    + " already has an architecture; advise ignores it and proposes a new one"
                    + " from its requirements, sources and consumers (to check it, run"
                    + " 'blueprint review "
                    + bp
                    + "')"),
        r.err());
    assertEquals("", run("advise", clickstream(), "-o", tmp.resolve("b").toString()).err());
  }

  @Test
  void reviewAsJsonReportsAnInvalidBlueprintAsJson(@TempDir Path tmp) throws Exception {
    // `review --format json bp.yaml | jq` must get JSON, as with validate, not an empty stdout.
    Path bp = tmp.resolve("bp.yaml");
    Files.writeString(
        bp,
        Files.readString(root().resolve("examples/clickstream-analytics/blueprint.yaml"))
            .replace("partitions: 12", "partitions: -3"));
    Run r = run("review", bp.toString(), "--format", "json");
    assertEquals(1, r.exit(), r.out() + r.err());
    com.fasterxml.jackson.databind.JsonNode doc =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertEquals(bp.toString(), doc.get("blueprint").asText());
    assertFalse(doc.get("valid").asBoolean());
    assertTrue(doc.get("failed").asBoolean());
    assertEquals(0, doc.get("findings").size());
    com.fasterxml.jackson.databind.JsonNode p = doc.get("problems").get(0);
    assertEquals("BP-RANGE-001", p.get("ruleId").asText());
    assertEquals("architecture.streams[0].partitions", p.get("path").asText());
    assertTrue(p.get("line").asInt() > 0, r.out());
    assertEquals("", r.err());

    Run missing = run("review", tmp.resolve("nope.yaml").toString(), "--format", "json");
    assertEquals(1, missing.exit());
    assertEquals(
        "BP-FILE-001",
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(missing.out())
            .get("problems")
            .get(0)
            .get("ruleId")
            .asText());

    Run ok =
        run(
            "review",
            root().resolve("examples/clickstream-analytics/blueprint.yaml").toString(),
            "--format",
            "json");
    assertEquals(0, ok.exit(), ok.err());
    com.fasterxml.jackson.databind.JsonNode okDoc =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(ok.out());
    assertTrue(okDoc.get("valid").asBoolean());
    assertEquals(4, okDoc.get("findings").size());
  }

  @Test
  void adviseAndReviewHelpShowExamplesAndExitCodes() {
    Run advise = run("advise", "--help");
    assertEquals(0, advise.exit());
    assertTrue(advise.out().contains("Examples:"), advise.out());
    assertTrue(
        advise.out().contains("blueprint advise examples/clickstream-analytics/requirements.yaml"),
        advise.out());
    assertTrue(advise.out().contains("Exit codes: 0 advice written"), advise.out());
    Run review = run("review", "--help");
    assertTrue(review.out().contains("--format=FORMAT"), review.out());
    assertTrue(review.out().contains("--fail-on MEDIUM --format json"), review.out());
    assertTrue(review.out().contains("Exit codes: 0 no finding"), review.out());
  }

  @Test
  void aWrongDateIsAUsageErrorInTheUsersWords(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("advice");
    Run r = run("advise", clickstream(), "-o", out.toString(), "--date", "2026-13-01");
    assertEquals(2, r.exit(), r.err());
    assertTrue(
        r.err().contains("'2026-13-01' is not a date; write YYYY-MM-DD, e.g. 2026-03-01"), r.err());
    assertFalse(r.err().contains("java."), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertFalse(Files.exists(out));
    Run ok = run("advise", clickstream(), "-o", out.toString(), "--date", "2026-03-01");
    assertEquals(0, ok.exit(), ok.err());
    assertTrue(Files.readString(out.resolve("report.md")).contains("2026-03-01"));
  }

  @Test
  void anOutputUnderAFileNamesTheFile(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
    Run r = run("advise", clickstream(), "-o", file.resolve("advice").toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("cannot write the advice to " + file.resolve("advice")), r.err());
    assertTrue(r.err().contains(file + " is a file, not a folder"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertEquals(List.of("notes.txt"), names(tmp));
  }

  @Test
  void aFailedWriteSaysWhy(@TempDir Path tmp) throws Exception {
    // /proc refuses new folders even for root, unlike a chmod'ed folder
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")));
    Run r = run("advise", clickstream(), "-o", "/proc/blueprint-advice");
    assertEquals(1, r.exit(), r.err());
    assertTrue(
        r.err().startsWith("blueprint: cannot write the advice to /proc/blueprint-advice: "));
    assertTrue(r.err().contains("no such file or folder"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void invalidRequirementsLeaveNothingBehind(@TempDir Path tmp) throws Exception {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(
        bad, "blueprint: 2\nengagement: {id: x, title: X, kind: build-new}\nsourcez: []\n");
    Path out = tmp.resolve("advice");
    Run r = run("advise", bad.toString(), "-o", out.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("bad.yaml:3:1: error BP-YAML-002"), r.err());
    assertTrue(r.err().contains("did you mean 'sources'?"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    assertEquals(List.of("bad.yaml"), names(tmp));

    Run missing = run("advise", tmp.resolve("nope.yaml").toString(), "-o", out.toString());
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("no such file"), missing.err());

    Run usage = run("advise", bad.toString());
    assertEquals(2, usage.exit());
    assertTrue(usage.err().contains("Missing required option: '--output=DIR'"), usage.err());
  }

  @Test
  void conflictingRequirementsAreExplainedOnStderrAndInTheReport(@TempDir Path tmp)
      throws Exception {
    Path req = root().resolve("core/src/test/resources/advice/kinesis-two-year-replay.yaml");
    Path out = tmp.resolve("advice");
    Run r = run("advise", req.toString(), "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.err().contains("blueprint: conflict: Constraint C-1 (Ben Okafor) requires Kinesis"),
        r.err());
    assertTrue(r.err().contains("at most 365 days, but 730 days are required"), r.err());
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("Conflicts that need a decision"), md);
    String json = Files.readString(out.resolve("report.json"));
    assertTrue(json.contains("\"rule\" : \"KO-MSG-001\""), json);
  }

  @Test
  void extraKnowledgeChangesTheAdvice(@TempDir Path tmp) throws Exception {
    Path kb = Files.createDirectories(tmp.resolve("kb"));
    Files.writeString(
        kb.resolve("no-kafka.yaml"),
        "decision: store\nknockouts:\n  - id: KO-TEAM-001\n    option: key-value\n"
            + "    when: [{fact: expiryMinutes, op: '>', value: 0}]\n"
            + "    reason: The team runs no Redis.\n    source: Team standard\n");
    Path plain = tmp.resolve("plain");
    Run before = run("advise", clickstream(), "-o", plain.toString());
    assertEquals(0, before.exit(), before.err());
    assertTrue(
        before
            .out()
            .contains("Store for visitor_sessions (read by recommendation-service): Key-value"),
        before.out());
    Path out = tmp.resolve("advice");
    Run r = run("advise", clickstream(), "-o", out.toString(), "--knowledge", kb.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.out()
            .contains("Store for visitor_sessions (read by recommendation-service): Wide-column"),
        r.out());
    assertTrue(Files.readString(out.resolve("report.json")).contains("KO-TEAM-001"));

    Files.writeString(kb.resolve("broken.yaml"), "decision: messaging\nscores: [{option: x}]\n");
    Run bad =
        run(
            "advise",
            clickstream(),
            "-o",
            tmp.resolve("b").toString(),
            "--knowledge",
            kb.toString());
    assertEquals(1, bad.exit());
    assertTrue(bad.err().contains("broken.yaml"), bad.err());
    assertFalse(Files.exists(tmp.resolve("b")));
  }

  @Test
  void reviewExitsOneAtOrAboveTheThreshold(@TempDir Path tmp) throws Exception {
    String reference =
        Files.readString(root().resolve("examples/clickstream-analytics/blueprint.yaml"));
    Path bp = tmp.resolve("bp.yaml");
    Files.writeString(bp, reference);
    Run clean = run("review", bp.toString());
    assertEquals(0, clean.exit(), clean.out() + clean.err());
    assertTrue(clean.out().contains("0 HIGH, 0 MEDIUM, 4 LOW; passes at HIGH"), clean.out());
    Run low = run("review", bp.toString(), "--fail-on", "low");
    assertEquals(1, low.exit(), low.out());
    assertTrue(low.out().contains("LOW RV-REQ-002 requirement FR-2"), low.out());

    String csv = "zone: curated\n      store: object-storage\n      format: ";
    Files.writeString(bp, reference.replace(csv + "parquet", csv + "csv"));
    Run medium = run("review", bp.toString());
    assertEquals(0, medium.exit(), medium.out() + medium.err());
    assertTrue(medium.out().contains("MEDIUM RV-FMT-001 dataset visitor_journeys"), medium.out());
    assertEquals(1, run("review", bp.toString(), "--fail-on", "MEDIUM").exit());
    Run json = run("review", bp.toString(), "--format", "json", "--fail-on", "MEDIUM");
    assertEquals(1, json.exit());
    assertTrue(json.out().contains("\"ruleId\" : \"RV-FMT-001\""), json.out());
    assertTrue(json.out().contains("\"failed\" : true"), json.out());

    Files.writeString(
        bp,
        reference.replace(
            "replication: 3\n      minInsyncReplicas: 2\n      retention: 7d",
            "replication: 2\n      minInsyncReplicas: 1\n      retention: 2d"));
    Run high = run("review", bp.toString());
    assertEquals(1, high.exit(), high.out() + high.err());
    assertTrue(high.out().contains("HIGH RV-SPOF-001 stream web.page-views.v1"), high.out());
    assertTrue(high.out().contains("HIGH RV-REQ-001 stream web.page-views.v1"), high.out());

    Run req = run("review", clickstream());
    assertEquals(1, req.exit());
    assertTrue(req.err().contains("has no architecture to review"), req.err());
    assertEquals(2, run("review", bp.toString(), "--fail-on", "URGENT").exit());
  }
}
