package dev.blueprint.core.review.rules;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.ReviewRule;
import dev.blueprint.core.review.Risk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** One database per domain: a database shared across domains couples their releases and load. */
public final class SharedDatabaseRule implements ReviewRule {

  @Override
  public String id() {
    return "RV-ISO-002";
  }

  @Override
  public Risk severity() {
    return Risk.MEDIUM;
  }

  @Override
  public String principle() {
    return "Make services as isolated as possible";
  }

  @Override
  public String bestPractice() {
    return "Datasets of different domains live in different databases or clusters.";
  }

  @Override
  public List<Finding> check(Blueprint bp) {
    Map<String, TreeSet<String>> domains = new LinkedHashMap<>();
    for (Dataset d : bp.architectureOrEmpty().datasets()) {
      if (d.database() != null && !d.database().isBlank() && d.domain() != null) {
        domains.computeIfAbsent(d.database(), k -> new TreeSet<>()).add(d.domain());
      }
    }
    List<Finding> out = new ArrayList<>();
    domains.forEach(
        (db, ds) -> {
          if (ds.size() > 1) {
            out.add(
                finding(
                    "database " + db,
                    "shared by the domains "
                        + String.join(", ", ds)
                        + ": a schema change, a migration or a heavy query of one domain hits"
                        + " the others.",
                    "Give each domain its own database (or at least its own schema and user),"
                        + " and share data through streams or published datasets."));
          }
        });
    return out;
  }
}
