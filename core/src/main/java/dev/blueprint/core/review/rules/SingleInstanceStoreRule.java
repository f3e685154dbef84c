package dev.blueprint.core.review.rules;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.NfrCategory;
import dev.blueprint.core.model.StoreFamily;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.ReviewRule;
import dev.blueprint.core.review.Risk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Data that must stay available lives on more than one store instance. Data needs high availability
 * when the requirements state an availability requirement, when an online consumer (latency of a
 * minute or less) reads it, or when a cache sits in front of it.
 */
public final class SingleInstanceStoreRule implements ReviewRule {
  /** Consumers at or below this latency are online: a store outage is a user-facing outage. */
  public static final Duration ONLINE_LATENCY = Duration.ofMinutes(1);

  @Override
  public String id() {
    return "RV-SPOF-002";
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
    return "A store that serves data which must stay available runs at least two instances"
        + " (a primary and a replica, or a cluster).";
  }

  @Override
  public List<Finding> check(Blueprint bp) {
    boolean availabilityRequired =
        bp.requirements().nonFunctional().stream()
            .anyMatch(n -> n.category() == NfrCategory.AVAILABILITY);
    List<Finding> out = new ArrayList<>();
    for (Dataset d : bp.architectureOrEmpty().datasets()) {
      if (d.store() == null || d.store() == StoreFamily.OBJECT_STORAGE) {
        continue; // object stores replicate by design
      }
      int instances = d.instances() == null ? 1 : d.instances();
      if (instances >= 2) {
        continue;
      }
      String reason = why(bp, d, availabilityRequired);
      if (reason == null) {
        continue;
      }
      out.add(
          finding(
              "dataset " + d.name(),
              "it runs on "
                  + (d.instances() == null ? "one instance (instances not set)" : "one instance")
                  + " but "
                  + reason
                  + ": losing that instance stops the service.",
              "Set instances to 2 or more (primary with a replica, or a cluster) for the "
                  + d.store().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                  + " store."));
    }
    return out;
  }

  private static String why(Blueprint bp, Dataset d, boolean availabilityRequired) {
    for (Consumer c : bp.consumers()) {
      if (c.reads().contains(d.name())
          && c.freshnessOrLatency() != null
          && c.freshnessOrLatency().compareTo(ONLINE_LATENCY) <= 0) {
        return "the online consumer " + c.id() + " reads it";
      }
    }
    if (bp.architectureOrEmpty().caches().stream().anyMatch(c -> d.name().equals(c.caches()))) {
      return "a cache serves it online and falls back to it on every miss";
    }
    if (availabilityRequired) {
      return "the requirements ask for availability";
    }
    return null;
  }
}
