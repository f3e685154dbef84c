package dev.blueprint.core.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.advice.knowledge.Facts;
import dev.blueprint.core.advice.knowledge.KnockoutRule;
import dev.blueprint.core.advice.knowledge.Knowledge;
import dev.blueprint.core.model.Requirements;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each knock-out fires on the facts it is about and not just below its threshold; a meta-test keeps
 * the list complete when a knock-out is added to the knowledge base.
 */
class KnockoutTest {
  private static final Knowledge KB = Knowledge.builtIn();

  /** Knock-out id -> decision, facts that trigger it, facts that do not. */
  private record Case(String decision, Supplier<Facts> fires, Supplier<Facts> holds) {}

  private static final Map<String, Case> CASES =
      Map.ofEntries(
          Map.entry(
              "KO-MSG-001",
              new Case(
                  "messaging",
                  () -> new Facts().put("retentionDays", 730),
                  () -> new Facts().put("retentionDays", 365))),
          Map.entry(
              "KO-MSG-002",
              new Case(
                  "messaging",
                  () -> new Facts().put("outageDays", 1.5),
                  () -> new Facts().put("outageDays", 1))),
          Map.entry(
              "KO-MSG-006",
              new Case(
                  "messaging",
                  () -> new Facts().put("replayDays", 1),
                  () -> new Facts().put("replayDays", 0))),
          Map.entry(
              "KO-MSG-007",
              new Case(
                  "messaging",
                  () -> new Facts().put("hosting", "self-hosted"),
                  () -> new Facts().put("hosting", "cloud").put("provider", "aws"))),
          Map.entry(
              "KO-MSG-008",
              new Case(
                  "messaging",
                  () -> new Facts().put("provider", "gcp"),
                  () -> new Facts().put("provider", "aws"))),
          Map.entry(
              "KO-CACHE-002",
              new Case(
                  "cache",
                  () -> new Facts().put("store", "key-value"),
                  () -> new Facts().put("store", "relational"))),
          Map.entry(
              "KO-FMT-004",
              new Case(
                  "format",
                  () -> new Facts().put("forPeople", true),
                  () -> new Facts().put("forPeople", false))),
          Map.entry(
              "KO-FMT-005",
              new Case(
                  "format",
                  () -> new Facts().put("forPeople", true),
                  () -> new Facts().put("forPeople", false))),
          Map.entry(
              "KO-FMT-006",
              new Case(
                  "format",
                  () -> new Facts().put("unvalidated", true).put("schemaStability", "volatile"),
                  () -> new Facts().put("unvalidated", true).put("schemaStability", "evolving"))),
          Map.entry(
              "KO-FMT-007",
              new Case(
                  "format",
                  () -> new Facts().put("unvalidated", true).put("schemaStability", "volatile"),
                  () -> new Facts().put("unvalidated", false).put("schemaStability", "volatile"))),
          Map.entry(
              "KO-MSG-003",
              new Case(
                  "messaging",
                  () -> new Facts().put("ordered", true),
                  () -> new Facts().put("ordered", false))),
          Map.entry(
              "KO-MSG-004",
              new Case(
                  "messaging",
                  () -> new Facts().put("push", true),
                  () -> new Facts().put("push", false))),
          Map.entry(
              "KO-MSG-005",
              new Case(
                  "messaging",
                  () -> new Facts().put("latencySeconds", 5),
                  () -> new Facts().put("latencySeconds", 60))),
          Map.entry(
              "KO-STORE-001",
              new Case(
                  "store",
                  () -> new Facts().put("systemOfRecord", true),
                  () -> new Facts().put("systemOfRecord", false))),
          Map.entry(
              "KO-STORE-002",
              new Case(
                  "store",
                  () -> new Facts().put("access", "scan"),
                  () -> new Facts().put("access", "relationships"))),
          Map.entry(
              "KO-STORE-003",
              new Case(
                  "store",
                  () -> new Facts().put("access", "point-lookup").put("latencySeconds", 3600),
                  () -> new Facts().put("access", "scan").put("latencySeconds", 5))),
          Map.entry(
              "KO-STORE-005",
              new Case(
                  "store",
                  () -> new Facts().put("transactions", true),
                  () -> new Facts().put("transactions", false))),
          Map.entry(
              "KO-STORE-006",
              new Case(
                  "store",
                  () -> new Facts().put("transactions", true),
                  () -> new Facts().put("transactions", false))),
          Map.entry(
              "KO-STORE-007",
              new Case(
                  "store",
                  () -> new Facts().put("readLatencyMs", 50),
                  () -> new Facts().put("readLatencyMs", 1000))),
          Map.entry(
              "KO-STORE-004",
              new Case(
                  "store",
                  () -> new Facts().put("writeEventsPerSecond", 20_000),
                  () -> new Facts().put("writeEventsPerSecond", 6_000))),
          Map.entry(
              "KO-FMT-001",
              new Case(
                  "format",
                  () -> new Facts().put("schemaStability", "evolving"),
                  () -> new Facts().put("schemaStability", "stable"))),
          Map.entry(
              "KO-FMT-002",
              new Case(
                  "format",
                  () -> new Facts().put("analytics", true).put("zone", "curated"),
                  () -> new Facts().put("analytics", false).put("zone", "raw"))),
          Map.entry(
              "KO-FMT-003",
              new Case(
                  "format",
                  () -> new Facts().put("analytics", true).put("zone", "clean"),
                  () -> new Facts().put("analytics", false).put("zone", "raw"))),
          Map.entry(
              "KO-CACHE-001",
              new Case(
                  "cache",
                  () -> new Facts().put("maxStalenessSeconds", 0),
                  () -> new Facts().put("maxStalenessSeconds", 5))),
          Map.entry(
              "KO-ORCH-001",
              new Case(
                  "orchestration",
                  () -> new Facts().put("latencySeconds", 30),
                  () -> new Facts().put("latencySeconds", 3600))),
          Map.entry(
              "KO-ORCH-002",
              new Case(
                  "orchestration",
                  () -> new Facts().put("streamed", false),
                  () -> new Facts().put("streamed", true))),
          Map.entry(
              "KO-ORCH-003",
              new Case(
                  "orchestration",
                  () -> new Facts().put("latencySeconds", 30),
                  () -> new Facts().put("latencySeconds", 60))));

  @Test
  void everyKnockoutInTheKnowledgeBaseHasACase() {
    Set<String> inKb =
        KB.decisions().values().stream()
            .flatMap(d -> d.knockouts().stream())
            .map(KnockoutRule::id)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(inKb, new TreeSet<>(CASES.keySet()));
  }

  @Test
  void eachKnockoutFiresOnItsFactsAndOnlyThen() {
    for (var e : CASES.entrySet()) {
      String id = e.getKey();
      Case c = e.getValue();
      KnockoutRule rule =
          KB.decision(c.decision()).knockouts().stream()
              .filter(k -> k.id().equals(id))
              .findFirst()
              .orElseThrow();
      Matrix fired = build(c.decision(), c.fires().get());
      assertTrue(
          fired.knockouts().stream().anyMatch(k -> k.rule().equals(id)), id + " did not fire");
      assertTrue(fired.knockedOut(rule.option()), id);
      assertFalse(fired.chosen().equals(rule.option()), id + ": a knocked-out option was chosen");
      Knockout k = fired.knockouts().stream().filter(x -> x.rule().equals(id)).findFirst().get();
      assertFalse(k.reason().contains("{"), id + " left a placeholder: " + k.reason());
      assertFalse(k.source().isBlank(), id);
      Matrix held = build(c.decision(), c.holds().get());
      assertTrue(held.knockouts().stream().noneMatch(x -> x.rule().equals(id)), id + " fired");
    }
  }

  @Test
  void unknownFactsNeverKnockOut() {
    Matrix m = build("messaging", new Facts());
    assertEquals(List.of(), m.knockouts());
  }

  private static Matrix build(String decision, Facts facts) {
    return MatrixBuilder.build(KB, "M-1", decision, "a subject", facts, Requirements.EMPTY);
  }
}
