package dev.blueprint.core.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.advice.knowledge.Facts;
import dev.blueprint.core.advice.knowledge.Knowledge;
import dev.blueprint.core.advice.knowledge.KnowledgeLoader;
import dev.blueprint.core.model.Requirements;
import dev.blueprint.core.problem.ProblemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge base is data: it loads strictly, cites sources, and a consultant can extend it. */
class KnowledgeTest {

  @Test
  void builtInKnowledgeCitesASourceForEveryRule() {
    Knowledge kb = Knowledge.builtIn();
    assertEquals(5, kb.decisions().size());
    kb.decisions()
        .values()
        .forEach(
            d -> {
              d.scores().forEach(s -> assertFalse(s.source().isBlank(), d.decision()));
              d.knockouts().forEach(k -> assertFalse(k.source().isBlank(), k.id()));
            });
    kb.thresholds().values().forEach(t -> assertFalse(t.source().isBlank(), t.id()));
    assertEquals(365, kb.number("kinesis.maxRetentionDays"));
  }

  @Test
  void everyCellHasAScoreAndAReason() {
    Knowledge kb = Knowledge.builtIn();
    Facts f =
        new Facts().put("access", "scan").put("historyDays", 400).put("writeEventsPerSecond", 5000);
    Matrix m = MatrixBuilder.build(kb, "M-1", "store", "x", f, Requirements.EMPTY);
    for (Row r : m.rows()) {
      for (Cell c : r.cells()) {
        assertTrue(c.score() >= 0 && c.score() <= 5);
        assertFalse(c.reason().isBlank());
        assertTrue(c.source() != null, r.criterion() + "/" + c.option() + " has no rule");
      }
    }
    assertEquals("object-storage", m.chosen());
  }

  @Test
  void aConsultantCanAddAKnockout(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("team.yaml"),
        """
        decision: messaging
        knockouts:
          - id: KO-TEAM-001
            option: kafka
            when: [{fact: peakEventsPerSecond, op: "<", value: 100}]
            reason: "Our team runs no Kafka for {peakEventsPerSecond} events/s."
            resolution: Use the managed option.
            source: Team standard 2026-03
        """);
    Knowledge kb = KnowledgeLoader.load(dir);
    Matrix m =
        MatrixBuilder.build(
            kb,
            "M-1",
            "messaging",
            "s",
            new Facts().put("peakEventsPerSecond", 50).put("push", true).put("ordered", true),
            Requirements.EMPTY);
    assertTrue(m.knockedOut("kafka"));
    assertEquals(
        "Our team runs no Kafka for 50 events/s.",
        m.knockouts().stream()
            .filter(k -> k.rule().equals("KO-TEAM-001"))
            .findFirst()
            .orElseThrow()
            .reason());
    assertEquals("kinesis", m.chosen());
    assertTrue(kb.files().get(kb.files().size() - 1).endsWith("team.yaml"));
  }

  @Test
  void knowledgeFilesAreCheckedStrictly(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(
        f,
        "decision: messaging\nknockouts:\n  - {id: K, option: pigeon, when: [{fact: nope, op: '~', value: 1}], reason: r}\n");
    ProblemException e = assertThrows(ProblemException.class, () -> KnowledgeLoader.load(dir));
    String all = e.getMessage();
    assertTrue(all.contains("bad.yaml"), all);
    assertTrue(all.contains("unknown option 'pigeon'"), all);
    assertTrue(all.contains("unknown fact 'nope'"), all);
    assertTrue(all.contains("unknown op '~'"), all);
    assertTrue(all.contains("needs a source"), all);

    Files.writeString(
        f,
        "decision: messaging\nscores:\n  - {option: kafka, criterion: retention, score: 9, reason: r, source: s, colour: red}\n");
    e = assertThrows(ProblemException.class, () -> KnowledgeLoader.load(dir));
    assertTrue(e.getMessage().contains("unknown key 'colour'"), e.getMessage());

    Files.writeString(f, "decision: teleport\n");
    e = assertThrows(ProblemException.class, () -> KnowledgeLoader.load(dir));
    assertTrue(e.getMessage().contains("unknown decision 'teleport'"), e.getMessage());

    Files.writeString(
        f,
        "decision: messaging\nscores:\n  - {option: kafka, criterion: retention, score: 9, reason: r, source: s}\n");
    e = assertThrows(ProblemException.class, () -> KnowledgeLoader.load(dir));
    assertTrue(e.getMessage().contains("score must be 0..5"), e.getMessage());

    assertThrows(ProblemException.class, () -> KnowledgeLoader.load(dir.resolve("missing")));
  }
}
