package dev.blueprint.core.review.rules;

import dev.blueprint.core.advice.knowledge.Knowledge;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Comparator;
import dev.blueprint.core.model.NfrCategory;
import dev.blueprint.core.model.NonFunctionalRequirement;
import dev.blueprint.core.model.Platform;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.ReviewRule;
import dev.blueprint.core.review.Risk;
import dev.blueprint.core.review.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A SMART throughput target (events or records per second) about a source, stream or consumer that
 * the stream's partitions or shards cannot carry: a Kafka partition is sized for {@code
 * kafka.partition.targetEventsPerSecond} (one consumer reads it), a Kinesis shard takes {@code
 * kinesis.shard.recordsPerSecond}. A requirement about nothing names no stream and is not checked.
 */
public final class ThroughputRule implements ReviewRule {
  private static final Pattern RATE =
      Pattern.compile("(events?|records?|messages?|msgs?)\\s*/\\s*(s|sec|second)");

  @Override
  public String id() {
    return "RV-REQ-006";
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
    return "A stream has enough partitions or shards for the throughput that a requirement about"
        + " it, its sources or its consumers states.";
  }

  @Override
  public List<Finding> check(Blueprint bp) {
    List<Finding> out = new ArrayList<>();
    for (NonFunctionalRequirement n : bp.requirements().nonFunctional()) {
      if (!isRateTarget(n)) {
        continue;
      }
      for (Stream s : Topology.streamsAbout(bp, n)) {
        check(n, s, out);
      }
    }
    return out;
  }

  private void check(NonFunctionalRequirement n, Stream s, List<Finding> out) {
    if (s.partitions() == null || s.platformOrKafka() == Platform.EVENT_BUS) {
      return; // an event bus has neither partitions nor shards
    }
    Knowledge kb = Knowledge.builtIn();
    boolean kafka = s.platformOrKafka() == Platform.KAFKA;
    double each =
        kb.number(
            kafka ? "kafka.partition.targetEventsPerSecond" : "kinesis.shard.recordsPerSecond");
    String unit = kafka ? "partition" : "shard";
    int have = s.partitions();
    if (n.value() <= have * each) {
      return;
    }
    long need = (long) Math.ceil(n.value() / each);
    out.add(
        finding(
            "requirement " + n.id(),
            String.format(
                Locale.ROOT,
                "it asks for %,.0f %s, but stream %s has %d %s%s at about %,.0f %s each"
                    + " (%,.0f in all).",
                n.value(),
                n.unit().trim(),
                s.name(),
                have,
                unit,
                have == 1 ? "" : "s",
                each,
                kafka ? "events/s" : "records/s",
                have * each),
            kafka
                ? String.format(
                    Locale.ROOT,
                    "Give %s at least %d partitions (ceil(%,.0f / %,.0f)); partitions can be added"
                        + " later but never removed, and adding them moves keys to other"
                        + " partitions.",
                    s.name(),
                    need,
                    n.value(),
                    each)
                : String.format(
                    Locale.ROOT,
                    "Raise the shard count of %s to at least %d (ceil(%,.0f / %,.0f)), or use"
                        + " on-demand capacity.",
                    s.name(),
                    need,
                    n.value(),
                    each)));
  }

  private static boolean isRateTarget(NonFunctionalRequirement n) {
    return n.isStructured()
        && n.category() == NfrCategory.THROUGHPUT
        && RATE.matcher(n.unit().trim().toLowerCase(Locale.ROOT)).matches()
        && n.comparator() != Comparator.LT
        && n.comparator() != Comparator.LE;
  }
}
