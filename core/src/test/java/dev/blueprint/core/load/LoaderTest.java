package dev.blueprint.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.TestFiles;
import dev.blueprint.core.problem.Location;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader against the real YAML parser: located problems, several at once, hostile input. */
class LoaderTest {

  static List<Problem> problems(String yaml) {
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () -> BlueprintLoader.parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
    return e.problems();
  }

  static Problem only(String yaml) {
    List<Problem> ps = problems(yaml);
    assertEquals(1, ps.size(), () -> "one problem expected: " + ps);
    return ps.get(0);
  }

  @Test
  void reportsSeveralProblemsAtOnceEachAtItsOwnPlace() {
    String yaml =
        """
        blueprint: 1
        engagement:
          id: demo
          titel: Demo
          kind: build_new
        sources:
          - id: s
            kind: iot
            volume: {eventsPerSecond: lots, eventBytes: 2.5}
        """;
    List<Problem> ps = problems(yaml);
    assertEquals(
        List.of(
            "t.yaml:4:3: error BP-YAML-002: engagement.titel: unknown key 'titel' in engagement"
                + " (did you mean 'title'? known keys: id, title, kind, problemOwner, stakeholders,"
                + " existingSystem, businessProblem, coreProblem)",
            "t.yaml:5:9: error BP-YAML-003: engagement.kind: expected one of build-new,"
                + " improve-existing, got text 'build_new' (did you mean 'build-new'?)",
            "t.yaml:9:31: error BP-YAML-003: sources[0].volume.eventsPerSecond: expected a number,"
                + " got text 'lots'",
            "t.yaml:9:49: error BP-YAML-003: sources[0].volume.eventBytes: expected a whole number,"
                + " got the number 2.5"),
        ps.stream().map(Problem::format).toList());
  }

  @Test
  void typeErrorsSayWhatWasExpected() {
    Problem p = only("blueprint: lots\n");
    assertEquals("expected a whole number, got text 'lots'", p.message());
    assertEquals(new Location("t.yaml", 1, 12), p.location());
  }

  @Test
  void yamlBooleansInTextFieldsAreExplained() {
    Problem p = only("engagement:\n  title: yes\n");
    assertTrue(p.message().contains("the boolean 'yes'"), p.message());
    assertEquals("put it in quotes: \"yes\"", p.hint());
  }

  @Test
  void anEmptyValueIsAProblem() {
    Problem p = only("engagement:\n  title:\n  id: x\n");
    assertEquals("BP-YAML-003", p.ruleId());
    assertEquals("engagement.title", p.path());
    assertEquals("has no value", p.message());
  }

  @Test
  void quotedWhitespaceIsAValueThoughAnEmptyValueIsNot() throws Exception {
    String yaml = TestFiles.minimal().replace("title: Corpus base", "title: \"  \"");
    var loaded = BlueprintLoader.parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    assertEquals("  ", loaded.blueprint().engagement().title());
    assertEquals("BP-YAML-003", only("engagement:\n  title: \"\"\n").ruleId(), "an empty string");
  }

  @Test
  void duplicateKeysAreAllReported() {
    List<Problem> ps = problems("engagement:\n  id: a\n  id: b\n  id: c\n");
    assertEquals(2, ps.size());
    assertEquals("BP-YAML-006", ps.get(0).ruleId());
    assertEquals(3, ps.get(0).location().line());
    assertTrue(ps.get(1).message().contains("already given at line 2"), ps.get(1).message());
  }

  @Test
  void duplicateKeysAreFoundInLargeMappingsToo() {
    // past 16 keys the reader looks keys up by index rather than by scan
    StringBuilder yaml = new StringBuilder("engagement:\n");
    for (int i = 1; i <= 30; i++) {
      yaml.append("  k").append(i).append(": v\n");
    }
    yaml.append("  k3: again\n").append("  k25: again\n");
    List<Problem> ps =
        problems(yaml.toString()).stream().filter(p -> p.ruleId().equals("BP-YAML-006")).toList();
    assertEquals(2, ps.size(), () -> ps.toString());
    assertEquals(new Location("t.yaml", 32, 3), ps.get(0).location());
    assertTrue(
        ps.get(0).message().contains("'k3'; it was already given at line 4"), ps.get(0).message());
    assertEquals(new Location("t.yaml", 33, 3), ps.get(1).location());
    assertTrue(
        ps.get(1).message().contains("'k25'; it was already given at line 26"),
        ps.get(1).message());
  }

  @Test
  void aBillionLaughsBombIsRefusedQuicklyAndWithoutExpansion() {
    StringBuilder sb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 30; i++) {
      sb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      sb.append("]\n");
    }
    long before = usedHeap();
    long start = System.nanoTime();
    List<Problem> ps = problems(sb.toString());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(ps.stream().anyMatch(p -> p.ruleId().equals("BP-YAML-005")), ps.toString());
    assertTrue(millis < 5_000, "took " + millis + " ms");
    // 9^30 strings if expanded; without expansion a few kilobytes
    assertTrue(usedHeap() - before < 256L * 1024 * 1024, "heap grew too much");
  }

  @Test
  void deepNestingIsRefusedAtItsLocation() {
    Problem p = only("a: " + "[".repeat(500) + "]".repeat(500) + "\n");
    assertEquals("BP-YAML-005", p.ruleId());
    assertEquals(1, p.location().line());
    assertTrue(p.message().contains("at most 40 levels"), p.message());
  }

  @Test
  void aHugeDocumentIsRefusedBeforeParsing() {
    byte[] huge = new byte[BlueprintMapper.MAX_DOCUMENT_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) 'a');
    ProblemException e =
        assertThrows(ProblemException.class, () -> BlueprintLoader.parse("big.yaml", huge));
    assertEquals("BP-FILE-002", e.problems().get(0).ruleId());
  }

  @Test
  void aHugeFileIsRefusedBySize(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("big.yaml");
    try (var out = Files.newOutputStream(f)) {
      byte[] line = "- lol\n".getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < BlueprintMapper.MAX_DOCUMENT_BYTES / line.length + 2; i++) {
        out.write(line);
      }
    }
    ProblemException e = assertThrows(ProblemException.class, () -> BlueprintLoader.load(f));
    assertEquals("BP-FILE-002", e.problems().get(0).ruleId());
  }

  @Test
  void nonUtf8BytesAreLocated() {
    byte[] bytes = "a: 1\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    ProblemException e =
        assertThrows(ProblemException.class, () -> BlueprintLoader.parse("t.yaml", bytes));
    Problem p = e.problems().get(0);
    assertEquals("BP-FILE-003", p.ruleId());
    assertEquals(new Location("t.yaml", 2, 7), p.location());
  }

  @Test
  void aByteOrderMarkIsAccepted() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = TestFiles.minimal().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(text, 0, all, 3, text.length);
    assertEquals("corpus-demo", BlueprintLoader.parse("t.yaml", all).blueprint().engagement().id());
  }

  @Test
  void emptyAndCommentOnlyFilesAreRefused() {
    assertEquals("BP-FILE-004", only("").ruleId());
    assertEquals("BP-FILE-004", only("# nothing\n\n").ruleId());
  }

  @Test
  void theRootMustBeAMapping() {
    assertEquals("BP-YAML-004", only("- a\n- b\n").ruleId());
    assertEquals("BP-YAML-004", only("just text\n").ruleId());
    assertEquals("BP-YAML-004", only("42\n").ruleId());
  }

  @Test
  void aSecondDocumentIsRefused() {
    Problem p = only("blueprint: 2\n---\nblueprint: 2\n");
    assertEquals("BP-YAML-007", p.ruleId());
    assertEquals(3, p.location().line());
  }

  @Test
  void syntaxErrorsNameWhatTheParserExpected() {
    Problem p = only("a: [b\n");
    assertEquals("BP-YAML-001", p.ruleId());
    assertTrue(p.message().contains("expected ',' or ']'"), p.message());
  }

  @Test
  void missingFilesAndFoldersAreProblemsNotExceptions(@TempDir Path dir) {
    ProblemException e =
        assertThrows(ProblemException.class, () -> BlueprintLoader.load(dir.resolve("nope.yaml")));
    assertEquals("BP-FILE-001", e.problems().get(0).ruleId());
    e = assertThrows(ProblemException.class, () -> BlueprintLoader.load(dir));
    assertEquals("BP-FILE-001", e.problems().get(0).ruleId());
  }

  @Test
  void theSourceMapLocatesKeysAndListItems() throws Exception {
    LoadedBlueprint lb =
        BlueprintLoader.parse("t.yaml", TestFiles.minimal().getBytes(StandardCharsets.UTF_8));
    SourceMap map = lb.sourceMap();
    assertEquals(new Location("t.yaml", 4, 3), map.locate("engagement.id"));
    assertEquals(new Location("t.yaml", 51, 7), map.locate("architecture.streams[0].name"));
    assertEquals(new Location("t.yaml", 31, 13), map.locate("consumers[0].reads[0]"));
    // an absent key falls back to its nearest ancestor
    assertEquals(map.locate("architecture.streams[0]"), map.locate("architecture.streams[0].x"));
  }

  @Test
  void enumValuesAreListedAsWrittenInYaml() {
    assertEquals(
        List.of("build-new", "improve-existing"),
        Shapes.enumValues(dev.blueprint.core.model.EngagementKind.class));
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
