package dev.blueprint.core.review.rules;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Cache;
import dev.blueprint.core.model.CacheWritePolicy;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.ReviewRule;
import dev.blueprint.core.review.Risk;
import java.util.ArrayList;
import java.util.List;

/** A cache is never the system of record: the data must survive losing every cache entry. */
public final class CacheAsRecordRule implements ReviewRule {

  @Override
  public String id() {
    return "RV-CACHE-001";
  }

  @Override
  public Risk severity() {
    return Risk.HIGH;
  }

  @Override
  public String principle() {
    return "Avoid single points of failure";
  }

  @Override
  public String bestPractice() {
    return "Every cache fronts a dataset that is the system of record, and writes reach that"
        + " dataset before they are acknowledged.";
  }

  @Override
  public List<Finding> check(Blueprint bp) {
    List<Finding> out = new ArrayList<>();
    for (Cache c : bp.architectureOrEmpty().caches()) {
      String element = "cache " + c.name();
      if (c.caches() == null || c.caches().isBlank()) {
        out.add(
            finding(
                element,
                "it names no dataset behind it, so the cache is the only copy: an eviction or"
                    + " a restart loses the data.",
                "Set caches: to the dataset that holds the records (the system of record)."));
      } else if (bp.architectureOrEmpty().dataset(c.caches()).isEmpty()) {
        out.add(
            finding(
                element,
                "it caches '" + c.caches() + "', which is no dataset of this blueprint.",
                "Point caches: at an existing dataset, or add that dataset."));
      }
      if (c.writePolicy() == CacheWritePolicy.WRITE_BEHIND) {
        out.add(
            finding(
                element,
                "write-behind acknowledges writes that live only in the cache until they are"
                    + " flushed: a crash loses them, which makes the cache the system of record.",
                "Use cache-aside (write the dataset, then invalidate) or write-through."));
      }
    }
    return out;
  }
}
