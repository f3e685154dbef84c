package dev.blueprint.core.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.TestFiles;
import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.load.LoadedBlueprint;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.Severity;
import dev.blueprint.core.validate.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A version-1 requirements file (the orders-cdc example as it was before version 2) still loads,
 * validates and is advised, with a notice that says what version 2 adds; the proposal is written in
 * version 2.
 */
class VersionOneTest {

  @Test
  void aVersionOneFileLoadsWithAMigrationNoticeAndIsAdvisedInVersionTwo() throws Exception {
    LoadedBlueprint loaded =
        BlueprintLoader.load(TestFiles.resource("advice/version-1-orders.yaml"));
    assertEquals(1, loaded.blueprint().blueprint());
    List<Problem> problems = Validator.validate(loaded);
    assertTrue(
        problems.stream().noneMatch(p -> p.severity() == Severity.ERROR), problems.toString());
    Problem notice =
        problems.stream().filter(p -> p.ruleId().equals("BP-MIG-001")).findFirst().orElseThrow();
    assertEquals(Severity.WARNING, notice.severity());
    assertEquals(3, notice.location().line(), "at the version line");
    for (String what :
        List.of(
            "set blueprint: 2",
            "rename consumers' latency to freshness",
            "platform (hosting, provider, operations)",
            "data (what consumers read",
            "consumers' access",
            "engagement.existingSystem.systems")) {
      assertTrue(notice.hint().contains(what), what + " missing from: " + notice.hint());
    }

    Advice advice = Advisor.advise(loaded.blueprint());
    Blueprint proposal = advice.proposal();
    assertEquals(2, proposal.blueprint());
    for (Consumer c : proposal.consumers()) {
      assertNull(c.latency(), c.id() + " keeps version 1's latency");
    }
    Consumer warehouse =
        proposal.consumers().stream()
            .filter(c -> c.id().equals("warehouse-planning"))
            .findFirst()
            .orElseThrow();
    assertEquals(java.time.Duration.ofMinutes(1), warehouse.freshness());
    // the facts version 1 cannot state are assumed, asked and marked low confidence
    assertTrue(
        advice.report().matrices().stream()
            .filter(m -> m.decision().equals("store") && m.subject().startsWith("order_history"))
            .allMatch(Matrix::lowConfidence));
    assertTrue(advice.report().questions().stream().anyMatch(q -> q.topic().equals("Access")));
    List<Problem> proposalProblems =
        Validator.validate(LoadedBlueprint.inMemory(proposal, "proposal.yaml")).stream()
            .filter(p -> p.severity() == Severity.ERROR)
            .toList();
    assertEquals(List.of(), proposalProblems);
  }
}
