package dev.blueprint.core.advice;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.blueprint.core.model.Constraint;
import dev.blueprint.core.model.Decision;
import dev.blueprint.core.model.FunctionalRequirement;
import dev.blueprint.core.model.Person;
import dev.blueprint.core.review.Finding;
import java.util.List;

/** The consulting report: what report.md renders and report.json holds. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "title",
  "problem",
  "conflicts",
  "questions",
  "smart",
  "currentState",
  "matrices",
  "derivations",
  "diagram",
  "findingsNote",
  "findings",
  "decisions",
  "assumptions",
  "knowledge"
})
public record Report(
    String title,
    ProblemStatement problem,
    List<Conflict> conflicts,
    List<Question> questions,
    List<SmartResult> smart,
    CurrentState currentState,
    List<Matrix> matrices,
    List<Derivation> derivations,
    String diagram,
    String findingsNote,
    List<Finding> findings,
    List<Decision> decisions,
    List<String> assumptions,
    List<String> knowledge) {

  public Report {
    conflicts = List.copyOf(conflicts);
    questions = List.copyOf(questions);
    smart = List.copyOf(smart);
    matrices = List.copyOf(matrices);
    derivations = List.copyOf(derivations);
    findings = List.copyOf(findings);
    decisions = List.copyOf(decisions);
    assumptions = List.copyOf(assumptions);
    knowledge = List.copyOf(knowledge);
  }

  /** The problem as the problem owner stated it. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({
    "engagement",
    "kind",
    "problemOwner",
    "stakeholders",
    "businessProblem",
    "coreProblem",
    "functional",
    "constraints"
  })
  public record ProblemStatement(
      String engagement,
      String kind,
      Person problemOwner,
      List<Person> stakeholders,
      String businessProblem,
      String coreProblem,
      List<FunctionalRequirement> functional,
      List<Constraint> constraints) {}
}
