package dev.blueprint.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.problem.Location;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The source map is built only when a location is asked for; these tests pin that locations and the
 * order of reported problems are as they were when it was built eagerly.
 */
class BlueprintLoaderSourceMapTest {

  private static final String VALID =
      """
      blueprint: 1
      engagement:
        id: small
        title: Small
      architecture:
        streams:
          - name: a.events.v1
            partitions: 3
          - name: b.events.v1
            partitions: 6
      """;

  @Test
  void locationsOfAValidFileAreFoundOnDemand() throws Exception {
    LoadedBlueprint loaded = load(VALID);
    assertEquals("b.events.v1", loaded.blueprint().architecture().streams().get(1).name());
    SourceMap map = loaded.sourceMap();
    assertEquals(new Location("f.yaml", 9, 7), map.locate("architecture.streams[1].name"));
    assertEquals(new Location("f.yaml", 3, 3), map.locate("engagement.id"));
    assertTrue(map.has("architecture.streams[0].partitions"));
    assertFalse(map.has("architecture.pipelines"));
    // an unknown path falls back to its nearest known ancestor
    assertEquals(map.locate("architecture.streams[1]"), map.locate("architecture.streams[1].x"));
  }

  @Test
  void aSyntaxErrorAnywhereIsReportedBeforeAnUnknownKeyAbove() {
    String text = VALID.replace("  title: Small", "  titel: Small") + "  bad: [unclosed\n";
    Problem p = assertThrows(ProblemException.class, () -> load(text)).problems().get(0);
    assertEquals("BP-YAML-001", p.ruleId(), p.format());
  }

  @Test
  void anUnknownKeyAloneIsReportedWithItsPathAndHint() {
    String text = VALID.replace("  title: Small", "  titel: Small");
    Problem p = assertThrows(ProblemException.class, () -> load(text)).problems().get(0);
    assertEquals("BP-YAML-002", p.ruleId());
    assertEquals("f.yaml", p.location().file());
    assertTrue(p.format().contains("title"), p.format());
  }

  @Test
  void aDocumentThatIsNotAMappingIsRefused() {
    Problem p = assertThrows(ProblemException.class, () -> load("- a\n- b\n")).problems().get(0);
    assertEquals("BP-YAML-004", p.ruleId());
  }

  @Test
  void aWrongTypeIsReportedAtItsLine() {
    String text = VALID.replace("partitions: 6", "partitions: six");
    Problem p = assertThrows(ProblemException.class, () -> load(text)).problems().get(0);
    assertEquals("BP-YAML-003", p.ruleId());
    assertEquals(10, p.location().line());
  }

  private static LoadedBlueprint load(String text) throws ProblemException {
    return BlueprintLoader.parse(
        Path.of("f.yaml").toString(), text.getBytes(StandardCharsets.UTF_8));
  }
}
