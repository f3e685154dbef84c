package dev.blueprint.core.review.rules;

import dev.blueprint.core.advice.knowledge.Knowledge;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Capacity;
import dev.blueprint.core.model.Comparator;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.ExistingComponent;
import dev.blueprint.core.model.Intent;
import dev.blueprint.core.model.NfrCategory;
import dev.blueprint.core.model.NonFunctionalRequirement;
import dev.blueprint.core.model.Platform;
import dev.blueprint.core.model.StoreFamily;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.model.Zone;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.ReviewRule;
import dev.blueprint.core.review.Risk;
import dev.blueprint.core.review.Topology;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A SMART availability target (in %) that the proposal cannot give: one store instance, a topic
 * with one replica, or a kept existing system with one node, replica or broker gives at most {@code
 * availability.oneInstancePercent}; targets from {@code availability.multiZonePercent} up need at
 * least two zones. Checks what the requirement is about, or every serving dataset and existing
 * system when it names nothing. Object storage replicates by design and is skipped.
 */
public final class AvailabilityRule implements ReviewRule {

  @Override
  public String id() {
    return "RV-REQ-005";
  }

  @Override
  public Risk severity() {
    return Risk.HIGH;
  }

  @Override
  public String principle() {
    return "Meet the requirements";
  }

  @Override
  public String bestPractice() {
    return "An availability target is within what the instances, replicas, brokers and zones of"
        + " the proposal and of the existing systems it keeps can give.";
  }

  @Override
  public List<Finding> check(Blueprint bp) {
    List<Finding> out = new ArrayList<>();
    Knowledge kb = Knowledge.builtIn();
    double one = kb.number("availability.oneInstancePercent");
    double multiZone = kb.number("availability.multiZonePercent");
    for (NonFunctionalRequirement n : bp.requirements().nonFunctional()) {
      if (!isAvailabilityTarget(n) || n.value() <= one) {
        continue;
      }
      String element = "requirement " + n.id();
      String asks = "it asks for " + percent(n.value()) + " availability, but ";
      String relax = "or agree a target of at most " + percent(one) + " with the problem owner.";
      for (Dataset d : datasets(bp, n)) {
        if (d.store() != StoreFamily.OBJECT_STORAGE
            && (d.instances() == null || d.instances() < 2)) {
          out.add(
              finding(
                  element,
                  asks
                      + "dataset "
                      + d.name()
                      + " runs on one instance"
                      + (d.instances() == null ? " (instances not set)" : "")
                      + ", which gives at most about "
                      + percent(one)
                      + ".",
                  "Run " + d.name() + " on at least 2 instances in different zones, " + relax));
        }
      }
      for (Stream s : n.about().isEmpty() ? List.<Stream>of() : Topology.streamsAbout(bp, n)) {
        if (s.platformOrKafka() == Platform.KAFKA
            && (s.replication() == null || s.replication() < 2)) {
          out.add(
              finding(
                  element,
                  asks
                      + "stream "
                      + s.name()
                      + " has one replica"
                      + (s.replication() == null ? " (not set; the broker default is 1)" : "")
                      + ", which gives at most about "
                      + percent(one)
                      + ".",
                  "Set replication: 3 and minInsyncReplicas: 2 on brokers in at least 2 zones, "
                      + relax));
        }
      }
      for (ExistingComponent x : systems(bp, n)) {
        Capacity c = x.capacity();
        String has =
            asks
                + "the existing system "
                + x.id()
                + ", which the proposal keeps, has "
                + describe(c);
        if (isSingle(c)) {
          out.add(
              finding(
                  element,
                  has + ", which gives at most about " + percent(one) + ".",
                  "Give "
                      + x.id()
                      + " a second node or replica in another zone, or set its intent to replace, "
                      + relax));
        } else if (n.value() >= multiZone && c.zones() != null && c.zones() < 2) {
          out.add(
              finding(
                  element,
                  has + ": " + percent(multiZone) + " and above needs at least 2 zones.",
                  "Spread "
                      + x.id()
                      + " over at least 2 zones, or set its intent to replace, or agree a target"
                      + " below "
                      + percent(multiZone)
                      + " with the problem owner."));
        }
      }
    }
    return out;
  }

  private static boolean isAvailabilityTarget(NonFunctionalRequirement n) {
    String unit = n.unit() == null ? "" : n.unit().trim();
    return n.isStructured()
        && n.category() == NfrCategory.AVAILABILITY
        && (unit.equals("%") || unit.equalsIgnoreCase("percent"))
        && n.comparator() != Comparator.LT
        && n.comparator() != Comparator.LE;
  }

  /** What the requirement is about, or every serving dataset when it names nothing. */
  private static List<Dataset> datasets(Blueprint bp, NonFunctionalRequirement n) {
    if (!n.about().isEmpty()) {
      return Topology.datasetsAbout(bp, n);
    }
    return bp.architectureOrEmpty().datasets().stream()
        .filter(d -> d.zone() == Zone.SERVING || (d.zone() == null && d.store() != null))
        .toList();
  }

  /** The existing systems kept with a stated capacity that the requirement concerns. */
  private static List<ExistingComponent> systems(Blueprint bp, NonFunctionalRequirement n) {
    var all = n.about().isEmpty() ? Topology.existingSystems(bp) : Topology.systemsAbout(bp, n);
    return all.stream()
        .filter(x -> x.intentOrKeep() == Intent.KEEP && x.capacity() != null)
        .toList();
  }

  /** One node without a replica, a single copy of each record, or one broker. */
  private static boolean isSingle(Capacity c) {
    return Integer.valueOf(1).equals(c.brokers())
        || Integer.valueOf(1).equals(c.replicas())
        || (Integer.valueOf(1).equals(c.nodes()) && (c.replicas() == null || c.replicas() < 2));
  }

  private static String describe(Capacity c) {
    List<String> parts = new ArrayList<>();
    if (c.nodes() != null) {
      parts.add(c.nodes() + (c.nodes() == 1 ? " node" : " nodes"));
    }
    if (c.replicas() != null) {
      parts.add(c.replicas() + (c.replicas() == 1 ? " replica" : " replicas"));
    }
    if (c.brokers() != null) {
      parts.add(c.brokers() + (c.brokers() == 1 ? " broker" : " brokers"));
    }
    if (c.zones() != null) {
      parts.add(c.zones() + (c.zones() == 1 ? " zone" : " zones"));
    }
    return parts.isEmpty() ? "no stated capacity" : String.join(", ", parts);
  }

  private static String percent(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + " %";
  }
}
