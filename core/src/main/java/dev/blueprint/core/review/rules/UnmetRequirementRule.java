package dev.blueprint.core.review.rules;

import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.NonFunctionalRequirement;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Platform;
import dev.blueprint.core.model.Source;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.ReviewRule;
import dev.blueprint.core.review.Risk;
import dev.blueprint.core.review.Topology;
import dev.blueprint.core.review.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Requirements that no component meets: a consumer reading something nothing provides, history or
 * replay longer than anything keeps, an outage longer than a stream keeps, a Kinesis stream with
 * too few shards for its producers, a consumer fresher than the batch that feeds it.
 */
public final class UnmetRequirementRule implements ReviewRule {

  @Override
  public String id() {
    return "RV-REQ-001";
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
    return "Every consumer's input exists, and every measurable requirement is met by a component"
        + " of the architecture.";
  }

  @Override
  public List<Finding> check(Blueprint bp) {
    List<Finding> out = new ArrayList<>();
    Architecture a = bp.architectureOrEmpty();
    if (a.isEmpty()) {
      return out;
    }
    for (Consumer c : bp.consumers()) {
      for (String r : c.reads()) {
        if (!Topology.provides(bp, r)) {
          out.add(
              finding(
                  "consumer " + c.id(),
                  "it reads '" + r + "', which no dataset, stream or cache provides.",
                  "Add " + r + " to the architecture, or correct the consumer's reads."));
        }
      }
      checkFreshness(bp, c, out);
    }
    for (NonFunctionalRequirement n : bp.requirements().nonFunctional()) {
      Optional<Duration> need = Units.duration(n.value(), n.unit());
      if (need.isEmpty() || n.category() == null || isUpperBound(n)) {
        continue;
      }
      switch (n.category()) {
        case RETENTION -> checkHistory(a, n, need.get(), out);
        case REPLAY -> checkReplay(a, n, need.get(), out);
        case DURABILITY -> checkOutage(a, n, need.get(), out);
        default -> {}
      }
    }
    for (Stream s : a.streams()) {
      checkShards(bp, s, out);
    }
    return out;
  }

  private static boolean isUpperBound(NonFunctionalRequirement n) {
    return n.comparator() != null
        && switch (n.comparator()) {
          case LT, LE -> true;
          default -> false;
        };
  }

  private void checkHistory(
      Architecture a, NonFunctionalRequirement n, Duration need, List<Finding> out) {
    Duration longest = Duration.ZERO;
    for (Dataset d : a.datasets()) {
      if (d.retention() == null) {
        return; // kept without limit
      }
      longest = longest.compareTo(d.retention()) >= 0 ? longest : d.retention();
    }
    if (!a.datasets().isEmpty() && longest.compareTo(need) < 0) {
      out.add(
          finding(
              "requirement " + n.id(),
              "it asks for "
                  + Units.say(need)
                  + " of history, but the longest dataset retention is "
                  + Units.say(longest)
                  + ".",
              "Keep the curated dataset at least " + Units.say(need) + "."));
    }
  }

  private void checkReplay(
      Architecture a, NonFunctionalRequirement n, Duration need, List<Finding> out) {
    Duration longest = Duration.ZERO;
    for (Stream s : a.streams()) {
      Duration r = Topology.effectiveRetention(s);
      longest = longest.compareTo(r) >= 0 ? longest : r;
    }
    if (longest.compareTo(need) < 0) {
      out.add(
          finding(
              "requirement " + n.id(),
              "it asks for a replay window of "
                  + Units.say(need)
                  + ", but no stream keeps records that long (longest: "
                  + Units.say(longest)
                  + ").",
              "Raise the stream's retention (with tiered storage for long windows), or agree"
                  + " with the problem owner to replay older data from the lake's raw zone."));
    }
  }

  private void checkOutage(
      Architecture a, NonFunctionalRequirement n, Duration need, List<Finding> out) {
    for (Stream s : a.streams()) {
      if (!Topology.keepsRecords(s)) {
        continue;
      }
      Duration r = Topology.effectiveRetention(s);
      if (r.compareTo(need) <= 0) {
        out.add(
            finding(
                "stream " + s.name(),
                "requirement "
                    + n.id()
                    + " tolerates a consumer outage of "
                    + Units.say(need)
                    + ", but the stream keeps only "
                    + Units.say(r)
                    + ".",
                "Set retention to at least " + Units.say(need.multipliedBy(2)) + "."));
      }
    }
  }

  private void checkShards(Blueprint bp, Stream s, List<Finding> out) {
    if (s.platformOrKafka() != Platform.KINESIS || s.partitions() == null) {
      return;
    }
    double events = 0;
    double bytes = 0;
    for (Source src : bp.sources()) {
      if (s.producers().contains(src.id()) && src.volume() != null) {
        Double peak = src.volume().peakOrAverage();
        events += peak == null ? 0 : peak;
        if (peak != null && src.volume().eventBytes() != null) {
          bytes += peak * src.volume().eventBytes();
        }
      }
    }
    int shards = s.partitions();
    if (events > shards * 1000.0 || bytes > shards * 1_000_000.0) {
      out.add(
          finding(
              "stream " + s.name(),
              String.format(
                  java.util.Locale.ROOT,
                  "%d shards take at most %,d records/s and %,d bytes/s, but the producers send"
                      + " up to %,.0f records/s and %,.0f bytes/s: writes are throttled.",
                  shards,
                  shards * 1000,
                  shards * 1_000_000L,
                  events,
                  bytes),
              "Raise the shard count to max(ceil(bytes/s / 1 MB), ceil(records/s / 1000))."));
    }
  }

  private void checkFreshness(Blueprint bp, Consumer c, List<Finding> out) {
    if (c.freshnessOrLatency() == null) {
      return;
    }
    for (String r : c.reads()) {
      for (Pipeline p : bp.architectureOrEmpty().pipelines()) {
        boolean writes = p.tasks().stream().anyMatch(t -> t.outputs().contains(r));
        Duration period = period(p.schedule());
        if (writes && period != null && period.compareTo(c.freshnessOrLatency()) > 0) {
          out.add(
              finding(
                  "consumer " + c.id(),
                  "it needs "
                      + r
                      + " within "
                      + Units.say(c.freshnessOrLatency())
                      + ", but pipeline "
                      + p.id()
                      + " writes it only "
                      + p.schedule()
                      + ".",
                  "Feed " + r + " from a stream processor, or schedule the pipeline more often."));
        }
      }
    }
  }

  /** The period of a schedule preset, or null when it is not a fixed preset. */
  static Duration period(String schedule) {
    if (schedule == null) {
      return null;
    }
    return switch (schedule.trim()) {
      case "@hourly" -> Duration.ofHours(1);
      case "@daily", "@midnight" -> Duration.ofDays(1);
      case "@weekly" -> Duration.ofDays(7);
      case "@monthly" -> Duration.ofDays(28);
      case "@yearly", "@annually" -> Duration.ofDays(365);
      default -> null;
    };
  }
}
