package dev.blueprint.core.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.load.LoadedBlueprint;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Engagement;
import dev.blueprint.core.model.FunctionalRequirement;
import dev.blueprint.core.model.Requirements;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.Severity;
import dev.blueprint.core.synth.SyntheticBlueprints;
import dev.blueprint.core.testing.HostileStrings;
import dev.blueprint.core.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The proposal file the advice writes reads back to the very blueprint the advisor proposed, and
 * that blueprint passes the same validation in memory as the file does: the engagement's review
 * relies on it when it reviews the advisor's object instead of parsing the file the advice step has
 * just written (EngagementActivitiesImpl, ValidBlueprints.remember).
 */
class ProposalReadsBackTest {

  /** Writes the proposal as the advice step does, reads it back, and compares. */
  private static void readsBack(Blueprint requirements, String what) throws Exception {
    Advice advice = Advisor.advise(requirements);
    byte[] bytes = AdviceWriter.blueprintYaml(advice).getBytes(StandardCharsets.UTF_8);
    LoadedBlueprint fromFile = BlueprintLoader.parse(what, bytes);
    assertEquals(advice.proposal(), fromFile.blueprint(), what);
    assertEquals(
        errors(Validator.validate(fromFile)),
        errors(Validator.validate(LoadedBlueprint.inMemory(advice.proposal(), what))),
        what + ": the same errors in memory as from the file");
  }

  private static List<String> errors(List<Problem> problems) {
    return problems.stream()
        .filter(p -> p.severity() == Severity.ERROR)
        .map(p -> p.ruleId() + " " + p.message())
        .sorted()
        .toList();
  }

  private static Blueprint requirementsOf(Blueprint b) {
    return new Blueprint(
        b.blueprint(), b.engagement(), b.requirements(), b.sources(), b.consumers(), null);
  }

  @Test
  void everyExamplesProposal() throws Exception {
    List<Path> all = Examples.requirements();
    assertTrue(all.size() >= 4, "examples: " + all);
    for (Path r : all) {
      readsBack(BlueprintLoader.load(r).blueprint(), r.toString());
    }
  }

  @Test
  void syntheticRequirementsProposals() throws Exception {
    for (int pipelines : new int[] {1, 2, 7, 30}) {
      for (long seed = 1; seed <= 3; seed++) {
        readsBack(
            requirementsOf(SyntheticBlueprints.make(pipelines, seed)),
            "synthetic " + pipelines + "/" + seed);
      }
    }
  }

  @Test
  void requirementsWithHostileTextsInEveryFreeTextField() throws Exception {
    Blueprint base =
        BlueprintLoader.load(
                Examples.root().resolve("examples/clickstream-analytics/requirements.yaml"))
            .blueprint();
    List<String> hostile = HostileStrings.generate(7L, 240, false);
    for (int i = 0; i + 4 <= hostile.size(); i += 4) {
      Engagement e = base.engagement();
      Engagement engagement =
          new Engagement(
              e.id(),
              hostile.get(i),
              e.kind(),
              e.problemOwner(),
              e.stakeholders(),
              e.existingSystem(),
              hostile.get(i + 1),
              hostile.get(i + 2));
      List<FunctionalRequirement> functional = new ArrayList<>();
      for (FunctionalRequirement fr : base.requirements().functional()) {
        functional.add(new FunctionalRequirement(fr.id(), hostile.get(i + 3) + " " + fr.text()));
      }
      Requirements requirements =
          new Requirements(
              functional, base.requirements().nonFunctional(), base.requirements().constraints());
      readsBack(
          new Blueprint(
              base.blueprint(), engagement, requirements, base.sources(), base.consumers(), null),
          "hostile " + i);
    }
  }
}
