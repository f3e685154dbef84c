package dev.blueprint.core.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.advice.knowledge.Facts;
import dev.blueprint.core.advice.knowledge.Knowledge;
import dev.blueprint.core.model.Constraint;
import dev.blueprint.core.model.Requirements;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rationale says why an option was chosen: by score, by a constraint, or by a tie-break. */
class MatrixBuilderTest {
  private static final Knowledge KB = Knowledge.builtIn();

  /** Kafka 29, Kinesis 27: Kafka leads on scores. */
  private static Facts kafkaLeads() {
    return new Facts()
        .put("push", true)
        .put("retentionDays", 30)
        .put("keepsDays", 30)
        .put("latencySeconds", 1);
  }

  /** Kafka 19, Kinesis 19: a tie that the knowledge base's order breaks for Kafka. */
  private static Facts tie() {
    return new Facts().put("push", true).put("retentionDays", 30).put("keepsDays", 30);
  }

  private static Requirements requiring(String option) {
    return new Requirements(
        List.of(), List.of(), List.of(new Constraint("C-1", "Use it.", "Ops", option)));
  }

  private static Matrix build(Facts f, Requirements r) {
    return MatrixBuilder.build(KB, "M-1", "messaging", "the app source", f, r);
  }

  @Test
  void aConstraintThatOverridesTheScoresIsNamedAndNeverCalledTheHighestScore() {
    Matrix m = build(kafkaLeads(), requiring("kinesis"));
    assertEquals("kinesis", m.chosen());
    assertEquals(29, m.total("kafka").score());
    assertEquals(27, m.total("kinesis").score());
    assertFalse(m.rationale().contains("highest"), m.rationale());
    assertTrue(m.rationale().startsWith("Constraint C-1 requires Kinesis"), m.rationale());
    assertTrue(m.rationale().contains("on scores alone Kafka (29) would lead"), m.rationale());
  }

  @Test
  void aTieIsNoWinAndSaysWhatBreaksIt() {
    Matrix m = build(tie(), Requirements.EMPTY);
    assertEquals("kafka", m.chosen());
    assertEquals("kinesis", m.runnerUp());
    assertEquals(m.total("kafka").score(), m.total("kinesis").score());
    assertFalse(m.rationale().contains("highest"), m.rationale());
    assertTrue(m.rationale().contains("tie"), m.rationale());
    assertTrue(m.rationale().contains("knowledge base's order"), m.rationale());

    Matrix c = build(tie(), requiring("kinesis"));
    assertEquals("kinesis", c.chosen());
    assertFalse(c.rationale().contains("highest"), c.rationale());
    assertFalse(c.rationale().contains("would lead"), c.rationale());
    assertTrue(c.rationale().contains("tie"), c.rationale());
    assertTrue(c.rationale().contains("C-1"), c.rationale());
  }

  @Test
  void theBestOnScoresStillSaysSo() {
    Matrix m = build(kafkaLeads(), Requirements.EMPTY);
    assertEquals("kafka", m.chosen());
    assertTrue(
        m.rationale()
            .startsWith(
                "Kafka has the highest weighted score among the viable options (29 against 27"
                    + " for Kinesis)"),
        m.rationale());
  }
}
