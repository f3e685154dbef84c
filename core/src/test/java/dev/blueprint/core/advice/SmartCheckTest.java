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
import java.util.Locale;
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
        r.suggestion().startsWith("p<N> <operation> latency < <N> ms at 6,000 events/s peak"),
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

  @Test
  void aRewriteInventsNoNumber() {
    // the rewrite of "must be highly available" said ">= 99.9 %": a target nobody stated
    for (String category : KB.rewrites().keySet()) {
      SmartResult r =
          SmartCheck.check(
              new NonFunctionalRequirement(
                  "N6",
                  "It must be highly available.",
                  NfrCategory.valueOf(category.toUpperCase(Locale.ROOT)),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null),
              KB,
              "<peak load>",
              "Maria");
      assertFalse(r.suggestion().matches(".*\\d.*"), category + ": " + r.suggestion());
      assertTrue(r.suggestion().contains("<N>"), category + ": " + r.suggestion());
    }
  }

  @Test
  void aRewriteUsesTheNumberTheRequirementStates() {
    SmartResult r =
        check(
            new NonFunctionalRequirement(
                "N7",
                "The dashboard is highly available.",
                NfrCategory.AVAILABILITY,
                "successful requests",
                Comparator.GE,
                99.5,
                "%",
                "dashboard",
                null));
    assertFalse(r.smart());
    assertTrue(r.suggestion().contains(">= 99.5 %"), r.suggestion());
    assertFalse(r.suggestion().contains("99.9"), r.suggestion());
  }
}
