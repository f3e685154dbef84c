package dev.blueprint.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.testing.Examples;
import dev.blueprint.core.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generation frame: atomic, deterministic, safe about paths, overridable templates. */
class GeneratorTest {

  private static final GeneratorOptions OPTIONS = GeneratorOptions.defaults("test");

  private static List<String> siblings(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir.getParent())) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void twoRendersAreByteIdentical(@TempDir Path dir) throws Exception {
    Blueprint b = Examples.clickstream();
    Generator.standard().generate(b, dir.resolve("one"), OPTIONS);
    Generator.standard().generate(b, dir.resolve("two"), OPTIONS);
    Map<String, String> one = Trees.read(dir.resolve("one"));
    assertNull(Trees.firstDifference(one, Trees.read(dir.resolve("two"))));
    assertTrue(one.keySet().containsAll(List.of(Generator.MARKER, Generator.SOURCE_COPY)));
    for (var e : one.entrySet()) {
      assertFalse(e.getValue().contains("\r"), e.getKey() + " has a CR");
    }
  }

  @Test
  void regeneratingKeepsTheTeamsCodeInStubsEvenWhenTheirTaskIsGone(@TempDir Path dir)
      throws Exception {
    Blueprint b = Examples.clickstream();
    Path target = dir.resolve("repo");
    Generator.standard().generate(b, target, OPTIONS);
    String owned = Files.readString(target.resolve(Generator.TEAM_OWNED));
    assertTrue(owned.contains("jobs/land_page_views.py\n"), owned);
    assertTrue(owned.contains("scripts/export_orders.sh\n"), owned);
    Path job = target.resolve("jobs/land_page_views.py");
    Files.writeString(job, "# the team's real job\n");
    Path script = target.resolve("scripts/export_orders.sh");
    Files.writeString(script, "#!/bin/sh\necho the team's export\n");

    Preview preview = Generator.standard().preview(b, target, OPTIONS);
    assertEquals(
        List.of(),
        preview.changes().stream()
            .filter(c -> c.kind() != Change.Kind.UNCHANGED)
            .map(Change::path)
            .toList(),
        "a dry run of the same blueprint changes nothing, the team's edits included");

    Generator.standard().generate(b, target, OPTIONS);
    assertEquals("# the team's real job\n", Files.readString(job));

    // the task that named the script leaves the blueprint: the team's file stays
    var arch = b.architecture();
    var pipelines =
        arch.pipelines().stream()
            .map(
                p ->
                    new dev.blueprint.core.model.Pipeline(
                        p.id(),
                        p.description(),
                        p.owner(),
                        p.schedule(),
                        p.startDate(),
                        p.tags(),
                        p.retries(),
                        p.retryDelay(),
                        p.groups(),
                        p.tasks().stream()
                            .filter(t -> !"scripts/export_orders.sh".equals(stubOf(t)))
                            .map(
                                t ->
                                    new dev.blueprint.core.model.Task(
                                        t.id(),
                                        t.kind(),
                                        t.description(),
                                        t.group(),
                                        t.command(),
                                        t.inputs(),
                                        t.outputs(),
                                        t.dependsOn().stream()
                                            .filter(d -> !d.equals("export_orders"))
                                            .toList(),
                                        t.retries(),
                                        t.compensates(),
                                        t.state()))
                            .toList()))
            .toList();
    Blueprint without =
        b.withArchitecture(
            new dev.blueprint.core.model.Architecture(
                arch.datasets(), arch.streams(), pipelines, arch.caches(), arch.decisions()));
    Generator.standard().generate(without, target, OPTIONS);
    assertEquals("#!/bin/sh\necho the team's export\n", Files.readString(script));
    assertTrue(
        Files.readString(target.resolve(Generator.TEAM_OWNED))
            .contains("scripts/export_orders.sh\n"));
  }

  private static String stubOf(dev.blueprint.core.model.Task t) {
    return t.command() == null ? null : t.command().strip().split("\\s+")[0];
  }

  @Test
  void aTemplateErrorLeavesTheTargetUntouchedAndNamesTemplateLineAndElement(@TempDir Path dir)
      throws Exception {
    Blueprint b = Examples.clickstream();
    Path target = dir.resolve("repo");
    Generator.standard().generate(b, target, OPTIONS);
    Files.writeString(target.resolve("dags/page_views_to_lake.py"), "# the team's edit\n");
    Map<String, String> before = Trees.read(target);
    Path overrides = dir.resolve("templates");
    Files.createDirectories(overrides.resolve("kafka"));
    Files.writeString(
        overrides.resolve("kafka/create-topics.sh.ftl"), "#!/bin/sh\n# ok\n${no_such_value}\n");
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () ->
                Generator.standard()
                    .generate(
                        b, target, OPTIONS.withAirflowVersion(2).withTemplatesDir(overrides)));
    Problem p = e.problems().get(0);
    assertEquals("BP-GEN-001", p.ruleId());
    assertTrue(p.location().toString().contains("kafka/create-topics.sh.ftl"), p.format());
    assertEquals(3, p.location().line(), p.format());
    assertEquals("kafka topic script", p.path());
    assertTrue(p.message().contains("no_such_value"), p.format());
    assertEquals(before, Trees.read(target));
    assertEquals(List.of("repo", "templates"), siblings(target), "a staging folder was left");
  }

  @Test
  void aFailureOfTheFirstGenerationLeavesNoTarget(@TempDir Path dir) throws Exception {
    Contributor broken =
        new Contributor() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public void contribute(GenerationContext c) throws java.io.IOException {
            throw new java.io.IOException("disk full");
          }
        };
    Path target = dir.resolve("repo");
    Generator g =
        new Generator(List.of(new dev.blueprint.core.generate.airflow.AirflowDags(), broken));
    assertThrows(
        java.io.IOException.class, () -> g.generate(Examples.clickstream(), target, OPTIONS));
    assertEquals(List.of(), siblings(target));
  }

  @Test
  void aFolderBlueprintDidNotGenerateIsRefused(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("theirs");
    Files.createDirectories(target);
    Files.writeString(target.resolve("notes.txt"), "mine");
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () -> Generator.standard().generate(Examples.clickstream(), target, OPTIONS));
    assertEquals("BP-GEN-004", e.problems().get(0).ruleId());
    assertEquals(Map.of("notes.txt", "mine"), Trees.read(target));
  }

  @Test
  void regenerationKeepsTheGitFolder(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("repo");
    Generator.standard().generate(Examples.clickstream(), target, OPTIONS);
    Files.createDirectories(target.resolve(".git/refs"));
    Files.writeString(target.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.writeString(target.resolve("stale.txt"), "from an older generation");
    Generator.standard().generate(Examples.clickstream(), target, OPTIONS);
    assertEquals("ref: refs/heads/main\n", Files.readString(target.resolve(".git/HEAD")));
    assertFalse(Files.exists(target.resolve("stale.txt")));
  }

  @Test
  void symlinksAndDotDotCannotLeadOutOfTheOutputFolder(@TempDir Path dir) throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.createSymbolicLink(root.resolve("dags"), outside);
    OutputTree out = new OutputTree(root);
    ProblemException e = assertThrows(ProblemException.class, () -> out.write("dags/evil.py", "x"));
    assertEquals("BP-PATH-002", e.problems().get(0).ruleId());
    for (String bad : List.of("../x", "/etc/x", "a/../../x", "a\\b", "c:/x", "a//b", "a\0b")) {
      assertThrows(ProblemException.class, () -> out.write(bad, "x"), bad);
    }
    Files.createSymbolicLink(root.resolve("file.txt"), outside.resolve("target.txt"));
    assertThrows(ProblemException.class, () -> out.write("file.txt", "x"));
    try (Stream<Path> s = Files.list(outside)) {
      assertEquals(0, s.count(), "something was written outside the output folder");
    }
  }

  @Test
  void aTemplatesFolderOverridesOneFileAndKeepsTheOthers(@TempDir Path dir) throws Exception {
    Path overrides = dir.resolve("templates");
    Files.createDirectories(overrides.resolve("kafka"));
    Files.writeString(
        overrides.resolve("kafka/topic-plan.json.ftl"),
        "{\"ourFormat\": true, \"topics\": ${topics?size}}\n");
    Path target = dir.resolve("repo");
    Generator.standard()
        .generate(Examples.clickstream(), target, OPTIONS.withTemplatesDir(overrides));
    assertEquals(
        "{\"ourFormat\": true, \"topics\": 1}\n",
        Files.readString(target.resolve("kafka/topic-plan.json")));
    assertTrue(
        Files.readString(target.resolve("kafka/create-topics.sh")).contains("--if-not-exists"));
  }

  @Test
  void previewListsAndDiffsWithoutWriting(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("repo");
    Blueprint b = Examples.clickstream();
    Generator.standard().generate(b, target, OPTIONS);
    assertTrue(Generator.standard().preview(b, target, OPTIONS).isEmpty());
    Files.writeString(target.resolve("dags/page_views_to_lake.py"), "edited\n");
    Files.delete(target.resolve("kafka/create-topics.sh"));
    Files.writeString(target.resolve("extra.txt"), "extra\n");
    Map<String, String> before = Trees.read(target);
    Preview p = Generator.standard().preview(b, target, OPTIONS);
    assertEquals(before, Trees.read(target));
    assertEquals(
        List.of("kafka/create-topics.sh"),
        p.of(Change.Kind.ADDED).stream().map(Change::path).toList());
    assertEquals(
        List.of("dags/page_views_to_lake.py"),
        p.of(Change.Kind.CHANGED).stream().map(Change::path).toList());
    assertEquals(
        List.of("extra.txt"), p.of(Change.Kind.REMOVED).stream().map(Change::path).toList());
    String diff = p.unifiedDiff();
    assertTrue(
        diff.contains("--- a/dags/page_views_to_lake.py\n+++ b/dags/page_views_to_lake.py\n"),
        diff);
    assertTrue(diff.contains("-edited\n"), diff);
    assertTrue(diff.contains("+++ b/kafka/create-topics.sh\n"), diff);
    assertTrue(diff.contains("--- a/extra.txt\n+++ /dev/null\n"), diff);
  }
}
