package dev.blueprint.core.advice;

import dev.blueprint.core.advice.knowledge.Knowledge;
import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Decision;
import dev.blueprint.core.model.EngagementKind;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.Reviewer;
import dev.blueprint.core.review.Risk;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The consulting brain: from a requirements document to a proposed blueprint and a report with open
 * questions, a SMART check, scored comparisons, derived settings, review findings and decision
 * records. Pure and deterministic: the same input and knowledge give the same output.
 */
public final class Advisor {
  private Advisor() {}

  /** Advice with the built-in knowledge base and no date on the decision records. */
  public static Advice advise(Blueprint requirements) {
    return advise(requirements, Knowledge.builtIn(), null);
  }

  /** Advice with the given knowledge; {@code date} (may be null) dates the decision records. */
  public static Advice advise(Blueprint requirements, Knowledge kb, LocalDate date) {
    Objects.requireNonNull(requirements, "requirements");
    requirements = Aliases.resolve(requirements, kb);
    List<String> assumptions = new ArrayList<>();
    if (requirements.isBlueprint()) {
      assumptions.add(
          "The input already had an architecture; the advice replaces it with its own proposal.");
    }
    Proposal p = new Proposer(requirements, kb).propose();
    List<Decision> decisions =
        DecisionRecords.build(requirements, kb, p.matrices(), p.functionalDrivers(), date);
    Architecture a = p.architecture();
    Architecture withDecisions =
        new Architecture(a.datasets(), a.streams(), a.pipelines(), a.caches(), decisions);
    Blueprint proposal =
        new Blueprint(
            Blueprint.FORMAT_VERSION,
            requirements.engagement(),
            requirements.platform(),
            requirements.requirements(),
            requirements.sources(),
            requirements.data(),
            p.consumers().stream().map(Consumer::migrated).toList(),
            withDecisions);
    List<SmartResult> smart = SmartCheck.check(requirements, kb);
    List<Question> questions = Questions.ask(requirements, smart, p.questions());
    List<Conflict> conflicts =
        p.matrices().stream().map(Matrix::conflict).filter(Objects::nonNull).toList();
    List<Finding> findings = Reviewer.review(proposal);
    assumptions.addAll(p.assumptions());
    for (Matrix m : p.matrices()) {
      if (m.decision().equals("store")
          && m.subject().startsWith("the lake zones")
          && !m.chosen().equals("object-storage")) {
        assumptions.add(
            "The lake's store matrix ("
                + m.id()
                + ") prefers "
                + m.name(m.chosen())
                + ", but lake zones stay on object storage in this proposal; revisit with the team.");
      }
    }
    var e = requirements.engagement();
    Report.ProblemStatement problem =
        new Report.ProblemStatement(
            e == null ? null : e.id(),
            e == null || e.kind() == null
                ? null
                : (e.kind() == EngagementKind.BUILD_NEW ? "build-new" : "improve-existing"),
            e == null ? null : e.problemOwner(),
            e == null ? List.of() : e.stakeholders(),
            e == null ? null : e.businessProblem(),
            e == null ? null : e.coreProblem(),
            requirements.requirements().functional(),
            requirements.requirements().constraints());
    Report report =
        new Report(
            "Architecture advice: " + (e == null || e.title() == null ? "untitled" : e.title()),
            problem,
            conflicts,
            questions,
            smart,
            CurrentState.of(requirements, withDecisions, p.matrices(), kb, p.consumers()),
            p.matrices(),
            p.derivations(),
            Mermaid.diagram(proposal, p.extraEdges()),
            findingsNote(findings, conflicts),
            findings,
            decisions,
            assumptions,
            kb.files());
    return new Advice(proposal, report);
  }

  private static String findingsNote(List<Finding> findings, List<Conflict> conflicts) {
    long high = findings.stream().filter(f -> f.severity() == Risk.HIGH).count();
    long medium = findings.stream().filter(f -> f.severity() == Risk.MEDIUM).count();
    long low = findings.stream().filter(f -> f.severity() == Risk.LOW).count();
    String counts = high + " HIGH, " + medium + " MEDIUM, " + low + " LOW.";
    if (high > 0) {
      return counts
          + " The HIGH findings are risks the proposal could not remove from these requirements;"
          + " they need the problem owner's decision before the blueprint is approved.";
    }
    if (!conflicts.isEmpty()) {
      return counts
          + " No HIGH finding: the proposal meets the requirements by not following "
          + conflicts.size()
          + " constraint(s); see the conflicts above.";
    }
    return counts + " No HIGH finding.";
  }
}
