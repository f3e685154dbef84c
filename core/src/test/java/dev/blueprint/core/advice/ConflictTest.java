package dev.blueprint.core.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Platform;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.review.Reviewer;
import dev.blueprint.core.review.Risk;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A constraint the requirements rule out is explained, never resolved silently. */
class ConflictTest {

  static Blueprint resource(String name) throws Exception {
    try (InputStream in = ConflictTest.class.getResourceAsStream("/advice/" + name)) {
      return BlueprintLoader.parse(name, in.readAllBytes()).blueprint();
    }
  }

  @Test
  void kinesisWithTwoYearReplayIsAConflictThatTheReportExplains() throws Exception {
    Advice advice = Advisor.advise(resource("kinesis-two-year-replay.yaml"));
    assertEquals(1, advice.conflicts().size());
    Conflict c = advice.conflicts().get(0);
    assertEquals("C-1", c.constraint());
    assertEquals("Kinesis", c.requires());
    assertEquals("KO-MSG-001", c.rule());
    assertEquals(java.util.List.of("NFR-1"), c.requirements());
    assertEquals("Kafka", c.chosenInstead());
    assertTrue(
        c.explanation().contains("at most 365 days, but 730 days are required"), c.explanation());
    assertTrue(c.message().contains("Ben Okafor"), c.message());
    assertTrue(c.resolution().contains("replay older data from the lake"), c.resolution());

    Stream s = advice.proposal().architecture().streams().get(0);
    assertEquals(Platform.KAFKA, s.platform());
    assertEquals(Duration.ofDays(730), s.retention());
    assertEquals("true", s.config().get("remote.storage.enable"));

    String md = MarkdownReport.render(advice);
    assertTrue(md.contains("Conflicts that need a decision"), md);
    assertTrue(md.contains("### C-1: Kinesis for the checkout source"), md);
    assertTrue(md.contains("**conflict, see below**"), md);
    var decision = advice.proposal().architecture().decisions().get(0);
    assertTrue(decision.drivers().contains("C-1"), decision.drivers().toString());
    assertTrue(
        decision.consequences().bad().stream()
            .anyMatch(b -> b.contains("Does not follow constraint C-1")));
    assertTrue(
        Reviewer.review(advice.proposal()).stream().noneMatch(f -> f.severity() == Risk.HIGH));
  }

  @Test
  void aConstraintThatFitsTheRequirementsIsHonoured() throws Exception {
    Advice advice = Advisor.advise(resource("kinesis-one-month-replay.yaml"));
    assertEquals(0, advice.conflicts().size());
    Matrix m = advice.report().matrices().get(0);
    assertEquals("kinesis", m.chosen());
    assertEquals("C-1", m.constraint());
    Stream s = advice.proposal().architecture().streams().get(0);
    assertEquals(Platform.KINESIS, s.platform());
    assertEquals(3, s.partitions()); // 2,500 records/s -> 3 shards
    assertNull(s.replication());
    assertEquals(Duration.ofDays(30), s.retention());
    assertTrue(
        Reviewer.review(advice.proposal()).stream().noneMatch(f -> f.severity() == Risk.HIGH));
  }
}
