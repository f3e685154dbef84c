package dev.blueprint.core.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.load.BlueprintMapper;
import dev.blueprint.core.load.LoadedBlueprint;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Decision;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.Severity;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.Reviewer;
import dev.blueprint.core.review.Risk;
import dev.blueprint.core.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The proposal of every example is a complete blueprint: it loads, validates and reviews clean. */
class AdvisorTest {

  @Test
  void everyExampleProposalLoadsBackValidatesAndHasNoHighFinding() throws Exception {
    for (Path req : Examples.requirements()) {
      Advice advice = Advisor.advise(Validator.loadValid(req).blueprint());
      String yaml = AdviceWriter.blueprintYaml(advice);
      LoadedBlueprint back =
          BlueprintLoader.parse("proposal.yaml", yaml.getBytes(StandardCharsets.UTF_8));
      assertTrue(back.blueprint().isBlueprint(), req.toString());
      List<Problem> errors =
          Validator.validate(back).stream().filter(p -> p.severity() == Severity.ERROR).toList();
      assertEquals(List.of(), errors, req + ": the proposal does not validate");
      // writing what was read gives the same text: nothing is lost on the way
      assertEquals(
          BlueprintMapper.yaml().writeValueAsString(advice.proposal()),
          BlueprintMapper.yaml().writeValueAsString(back.blueprint()),
          req.toString());
      List<Finding> high =
          Reviewer.review(back.blueprint()).stream()
              .filter(f -> f.severity() == Risk.HIGH)
              .toList();
      assertEquals(List.of(), high, req + ": the proposal has HIGH findings");
      for (Decision d : back.blueprint().architecture().decisions()) {
        assertFalse(d.consequences().bad().isEmpty(), d.id() + " records no downside");
        assertFalse(d.drivers().isEmpty(), d.id() + " has no drivers");
      }
    }
  }

  @Test
  void adviceIsDeterministic() throws Exception {
    for (Path req : Examples.requirements()) {
      Blueprint bp = Validator.loadValid(req).blueprint();
      Advice a = Advisor.advise(bp);
      Advice b = Advisor.advise(bp);
      assertEquals(AdviceWriter.blueprintYaml(a), AdviceWriter.blueprintYaml(b));
      assertEquals(MarkdownReport.render(a), MarkdownReport.render(b));
      assertEquals(AdviceWriter.reportJson(a), AdviceWriter.reportJson(b));
    }
  }

  @Test
  void decisionRecordsCarryTheDateWhenGiven() throws Exception {
    Blueprint bp = ConflictTest.resource("kinesis-one-month-replay.yaml");
    Advice a =
        Advisor.advise(
            bp, dev.blueprint.core.advice.knowledge.Knowledge.builtIn(), LocalDate.of(2026, 3, 1));
    assertEquals(LocalDate.of(2026, 3, 1), a.proposal().architecture().decisions().get(0).date());
  }

  @Test
  void improvingAnExistingSystemSaysWhatStaysWhatChangesAndInWhichOrder() throws Exception {
    Advice advice = Advisor.advise(ConflictTest.resource("improve-existing.yaml"));
    CurrentState cs = advice.report().currentState();
    assertNotNull(cs);
    assertEquals(3, cs.components().size());
    CurrentState.Fate csv = cs.components().get(0);
    assertEquals("changes", csv.fate(), csv.toString());
    assertTrue(
        csv.detail().contains("by Parquet") || csv.detail().contains("by Avro"), csv.detail());
    CurrentState.Fate cron = cs.components().get(1);
    assertEquals("changes", cron.fate(), cron.toString());
    assertTrue(cron.detail().startsWith("replaced, as the problem owner intends"), cron.detail());
    CurrentState.Fate pg = cs.components().get(2);
    assertEquals("stays", pg.fate(), pg.toString());
    assertTrue(pg.detail().contains("holding machine_health"), pg.detail());
    assertEquals(
        dev.blueprint.core.model.StoreFamily.RELATIONAL,
        advice.proposal().architectureOrEmpty().datasets().stream()
            .filter(d -> d.name().equals("machine_health"))
            .findFirst()
            .orElseThrow()
            .store(),
        "the reporting database it is kept in");
    assertTrue(
        cs.migration().get(0).startsWith("Stand up sensors.telemetry.v1"),
        cs.migration().toString());
    assertTrue(
        cs.migration().get(cs.migration().size() - 1).startsWith("Retire"),
        cs.migration().toString());
    String md = MarkdownReport.render(advice);
    assertTrue(md.contains("Current state and migration"), md);
    assertTrue(md.contains("\"real-time\""), "the vague NFR is flagged");
    assertTrue(
        Reviewer.review(advice.proposal()).stream().noneMatch(f -> f.severity() == Risk.HIGH));
  }

  @Test
  void missingAnswersBecomeQuestionsForTheProblemOwner() throws Exception {
    Blueprint bare =
        BlueprintLoader.parse(
                "bare.yaml",
                ("blueprint: 2\nengagement: {id: bare, title: Bare, kind: build-new}\n"
                        + "sources:\n  - {id: app, kind: events}\n"
                        + "consumers:\n  - {id: bi, reads: [daily_summary]}\n")
                    .getBytes(StandardCharsets.UTF_8))
            .blueprint();
    Advice advice = Advisor.advise(bare);
    List<String> topics = advice.report().questions().stream().map(Question::topic).toList();
    for (String t :
        List.of(
            "Owner",
            "Problem",
            "Volumes",
            "Schema",
            "Outage",
            "Freshness",
            "Retention",
            "Consistency")) {
      assertTrue(topics.contains(t), t + " missing from " + topics);
    }
    assertEquals("Q-1", advice.report().questions().get(0).id());
    assertTrue(
        Reviewer.review(advice.proposal()).stream().noneMatch(f -> f.severity() == Risk.HIGH),
        Reviewer.review(advice.proposal()).toString());
  }

  @Test
  void everyDatasetRetentionInTheProposalIsExplainedInTheReport() throws Exception {
    // report.md's "Derived settings" had no row for the clean and snapshot datasets' 760d,
    // so the problem owner could not tell where that number came from.
    for (Path req : Examples.requirements()) {
      Advice advice = Advisor.advise(Validator.loadValid(req).blueprint());
      for (var d : advice.proposal().architectureOrEmpty().datasets()) {
        if (d.retention() == null) {
          continue;
        }
        String days = dev.blueprint.core.model.Durations.format(d.retention());
        assertTrue(
            advice.report().derivations().stream()
                .anyMatch(
                    x ->
                        x.element().equals("dataset " + d.name())
                            && x.setting().equals("retention")
                            && x.value().equals(days)),
            req + ": dataset " + d.name() + " keeps " + days + " but no derivation says why");
      }
    }
  }
}
