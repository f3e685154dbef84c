package dev.blueprint.core.advice;

import dev.blueprint.core.model.Blueprint;
import java.util.List;

/** The advisor's result: the proposed blueprint and the consulting report that explains it. */
public record Advice(Blueprint proposal, Report report) {

  /** Constraints the requirements rule out; each is explained in the report. */
  public List<Conflict> conflicts() {
    return report.conflicts();
  }
}
