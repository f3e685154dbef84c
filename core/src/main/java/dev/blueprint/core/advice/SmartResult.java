package dev.blueprint.core.advice;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The SMART check of one non-functional requirement. */
@JsonPropertyOrder({
  "id",
  "text",
  "metric",
  "comparator",
  "number",
  "unit",
  "scope",
  "timeFrame",
  "vagueWords",
  "problems",
  "smart",
  "suggestion"
})
public record SmartResult(
    String id,
    String text,
    boolean metric,
    boolean comparator,
    boolean number,
    boolean unit,
    boolean scope,
    boolean timeFrame,
    List<String> vagueWords,
    List<String> problems,
    boolean smart,
    String suggestion) {
  public SmartResult {
    vagueWords = List.copyOf(vagueWords);
    problems = List.copyOf(problems);
  }
}
