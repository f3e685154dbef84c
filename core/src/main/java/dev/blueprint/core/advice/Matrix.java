package dev.blueprint.core.advice;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.blueprint.core.advice.knowledge.Facts;
import java.util.List;

/**
 * A scored comparison for one decision point: options as columns, criteria as rows, each cell a
 * score with its reason, knock-outs, totals, the chosen option and the runner-up with the trade-off
 * between them.
 */
@JsonPropertyOrder({
  "id",
  "decision",
  "title",
  "subject",
  "question",
  "facts",
  "options",
  "rows",
  "knockouts",
  "totals",
  "chosen",
  "runnerUp",
  "rationale",
  "tradeOff",
  "constraint",
  "conflict",
  "confidence",
  "confidenceNote",
  "estimates"
})
public record Matrix(
    String id,
    String decision,
    String title,
    String subject,
    String question,
    Facts facts,
    List<String> options,
    List<Row> rows,
    List<Knockout> knockouts,
    List<Total> totals,
    String chosen,
    String runnerUp,
    String rationale,
    String tradeOff,
    String constraint,
    Conflict conflict,
    String confidence,
    String confidenceNote,
    List<Estimate> estimates) {

  public Matrix {
    options = List.copyOf(options);
    rows = List.copyOf(rows);
    knockouts = List.copyOf(knockouts);
    totals = List.copyOf(totals);
    estimates = estimates == null ? List.of() : List.copyOf(estimates);
  }

  /** The same matrix with its confidence: high, or low with the note that says why. */
  public Matrix withConfidence(String level, String note) {
    return new Matrix(
        id,
        decision,
        title,
        subject,
        question,
        facts,
        options,
        rows,
        knockouts,
        totals,
        chosen,
        runnerUp,
        rationale,
        tradeOff,
        constraint,
        conflict,
        level,
        note,
        estimates);
  }

  /** True when a deciding fact was assumed or the margin is thin. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean lowConfidence() {
    return "low".equals(confidence);
  }

  public Total total(String option) {
    return totals.stream().filter(t -> t.option().equals(option)).findFirst().orElseThrow();
  }

  /** Display name of an option id. */
  public String name(String option) {
    return total(option).name();
  }

  public boolean knockedOut(String option) {
    return knockouts.stream().anyMatch(k -> k.option().equals(option));
  }

  /** Requirement and constraint ids behind this decision, in first-seen order. */
  public List<String> drivers() {
    java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
    rows.forEach(r -> ids.addAll(r.drivers()));
    knockouts.forEach(k -> ids.addAll(k.drivers()));
    if (constraint != null) {
      ids.add(constraint);
    }
    return List.copyOf(ids);
  }
}
