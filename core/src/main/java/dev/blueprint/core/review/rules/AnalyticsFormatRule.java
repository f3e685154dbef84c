package dev.blueprint.core.review.rules;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.DataFormat;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Zone;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.ReviewRule;
import dev.blueprint.core.review.Risk;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Analytics zones (clean, curated) hold columnar, typed files, not CSV or JSON. */
public final class AnalyticsFormatRule implements ReviewRule {

  @Override
  public String id() {
    return "RV-FMT-001";
  }

  @Override
  public Risk severity() {
    return Risk.MEDIUM;
  }

  @Override
  public String principle() {
    return "There is always a trade-off";
  }

  @Override
  public String bestPractice() {
    return "Clean and curated lake zones are stored as Parquet (columnar, typed, splittable).";
  }

  @Override
  public List<Finding> check(Blueprint bp) {
    List<Finding> out = new ArrayList<>();
    for (Dataset d : bp.architectureOrEmpty().datasets()) {
      boolean analytics = d.zone() == Zone.CLEAN || d.zone() == Zone.CURATED;
      if (analytics && (d.format() == DataFormat.CSV || d.format() == DataFormat.JSON)) {
        String f = d.format().name().toLowerCase(Locale.ROOT);
        out.add(
            finding(
                "dataset " + d.name(),
                "the "
                    + d.zone().name().toLowerCase(Locale.ROOT)
                    + " zone is stored as "
                    + f
                    + ": no enforced schema, every scan reads every column, and "
                    + (d.format() == DataFormat.CSV
                        ? "compressed CSV cannot be split across workers."
                        : "types are guessed at read time."),
                "Store it as parquet and partition it on the main query predicate (the date)."));
      }
    }
    return out;
  }
}
