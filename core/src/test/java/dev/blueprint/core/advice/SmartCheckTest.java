package dev.blueprint.core.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.advice.knowledge.Knowledge;
import dev.blueprint.core.model.Comparator;
import dev.blueprint.core.model.NfrCategory;
import dev.blueprint.core.model.NonFunctionalRequirement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmartCheckTest {
  private static final Knowledge KB = Knowledge.builtIn();

  private static SmartResult check(NonFunctionalRequirement n) {
    return SmartCheck.check(n, KB, "6,000 events/s peak", "Maria");
  }

  @Test
  void aCompleteRequirementIsSmart() {
    SmartResult r =
        check(
            new NonFunctionalRequirement(
                "N1",
                "Ingest keeps up",
                NfrCategory.THROUGHPUT,
                "ingest rate",
                Comparator.GE,
                6000.0,
                "events/s",
                "at Black Friday peak",
                "over any 15-minute window"));
    assertTrue(r.smart());
    assertEquals(List.of(), r.problems());
    assertNull(r.suggestion());
  }

  @Test
  void aVagueRequirementIsFlaggedWithARewrite() {
    SmartResult r =
        check(
            new NonFunctionalRequirement(
                "N2",
                "Session lookups must be fast and scalable.",
                NfrCategory.LATENCY,
                null,
                null,
                null,
                null,
                null,
                null));
    assertFalse(r.smart());
    assertEquals(List.of("fast", "scalable"), r.vagueWords());
    assertEquals(6, r.problems().size());
    assertTrue(
        r.suggestion().startsWith("p99 <operation> latency < <N> ms at 6,000 events/s peak"),
        r.suggestion());
    assertTrue(r.suggestion().contains("Maria"));
  }

  @Test
  void eachMissingPartIsNamed() {
    SmartResult r =
        check(
            new NonFunctionalRequirement(
                "N3",
                "x",
                NfrCategory.LATENCY,
                "p99 latency",
                Comparator.LT,
                200.0,
                "ms",
                null,
                "per day"));
    assertFalse(r.smart());
    assertEquals(List.of("no scope or load condition"), r.problems());
    assertTrue(
        r.metric() && r.comparator() && r.number() && r.unit() && !r.scope() && r.timeFrame());
  }

  @Test
  void aUnitThatDoesNotMeasureTheCategoryIsFlagged() {
    SmartResult r =
        check(
            new NonFunctionalRequirement(
                "N4",
                "x",
                NfrCategory.LATENCY,
                "p99 latency",
                Comparator.LT,
                200.0,
                "events/s",
                "at peak",
                "per day"));
    assertEquals(List.of("unit 'events/s' does not measure latency"), r.problems());
    SmartResult a =
        check(
            new NonFunctionalRequirement(
                "N5",
                "x",
                NfrCategory.AVAILABILITY,
                "uptime",
                Comparator.GE,
                99.9,
                "%",
                "dashboard",
                "per month"));
    assertTrue(a.smart());
  }

  @Test
  void vagueWordsMatchWholeWordsOnly() {
    assertEquals(List.of(), SmartCheck.vagueWords("breakfast is steady", KB.vagueWords()));
    assertEquals(
        List.of("real-time"), SmartCheck.vagueWords("Real-time dashboards", KB.vagueWords()));
    assertEquals(
        List.of("highly available"),
        SmartCheck.vagueWords("must be highly available", KB.vagueWords()));
  }
}
