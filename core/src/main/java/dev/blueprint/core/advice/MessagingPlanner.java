package dev.blueprint.core.advice;

import dev.blueprint.core.advice.knowledge.Facts;
import dev.blueprint.core.advice.knowledge.Knowledge;
import dev.blueprint.core.advice.knowledge.SourceTemplate;
import dev.blueprint.core.model.AccessPattern;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Constraint;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Hosting;
import dev.blueprint.core.model.NfrCategory;
import dev.blueprint.core.model.NonFunctionalRequirement;
import dev.blueprint.core.model.PlatformFacts;
import dev.blueprint.core.model.Source;
import dev.blueprint.core.review.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The facts of a messaging decision for one source, from the requirements alone: its rate and size,
 * how long its events must be kept (the longest tolerated outage of a reader of the stream, and the
 * replay window, from requirements about it or its readers), whether one key's events must stay in
 * order, how many subscribers fan out from it, and where it runs. What it cannot state it marks
 * unknown.
 */
final class MessagingPlanner {

  /** The facts, and the numbers the stream's derived settings are computed from. */
  record Plan(
      Facts facts,
      Double peak,
      Double bytes,
      int shards,
      Duration retention,
      Duration outage,
      String outageFrom,
      Duration replay,
      double factor,
      Duration floor) {}

  private final Blueprint req;
  private final Knowledge kb;
  private final boolean v2Data;
  private final Duration online;
  private final PlatformFacts platform;

  /**
   * @param v2Data whether the requirements describe their data (version 2): consumers then read
   *     sources and data by their links, not by freshness
   */
  MessagingPlanner(Blueprint req, Knowledge kb, boolean v2Data, Duration online) {
    this.req = req;
    this.kb = kb;
    this.v2Data = v2Data;
    this.online = online;
    this.platform =
        req.platform() == null
            ? new PlatformFacts(null, null, null, List.of(), List.of())
            : req.platform();
  }

  /** The plan for one source, read by the consumers it feeds. */
  Plan plan(Source s, SourceTemplate t, List<Consumer> fed) {
    Double peak = s.volume() == null ? null : s.volume().peakOrAverage();
    Double bytes =
        peak == null || s.volume().eventBytes() == null ? null : peak * s.volume().eventBytes();
    Duration outage = Duration.ZERO;
    List<String> outageDrivers = new ArrayList<>();
    for (NonFunctionalRequirement n : about(nfrs(NfrCategory.DURABILITY), s, fed)) {
      Optional<Duration> d = Units.duration(n.value(), n.unit());
      if (d.isPresent()) {
        outageDrivers.add(n.id());
        outage = max(outage, d.get());
      }
    }
    String outageFrom = outageDrivers.isEmpty() ? null : String.join(", ", outageDrivers);
    for (Consumer c : fed) {
      // batch consumers read the lake, which keeps far longer than the stream: only readers of
      // the stream itself (directly, or through a stream processor that serves them) count
      boolean readsStream =
          !v2Data
              ? isOnline(c) || c.reads().stream().anyMatch(r -> r.contains("."))
              : c.reads().contains(s.id()) || c.access() == AccessPattern.EVENT_SUBSCRIPTION;
      if (readsStream && c.maxOutage() != null && c.maxOutage().compareTo(outage) > 0) {
        outage = c.maxOutage();
        outageFrom = "consumer " + c.id();
      }
    }
    Duration replay = null;
    List<String> replayDrivers = new ArrayList<>();
    for (NonFunctionalRequirement n : about(nfrs(NfrCategory.REPLAY), s, fed)) {
      Optional<Duration> d = Units.duration(n.value(), n.unit());
      if (d.isPresent()) {
        replayDrivers.add(n.id());
        replay = replay == null ? d.get() : max(replay, d.get());
      }
    }
    for (Consumer c : fed) {
      if (c.replay() != null) {
        replay = replay == null ? c.replay() : max(replay, c.replay());
      }
    }
    double factor = kb.number("retention.safetyFactor");
    Duration floor = Duration.ofDays((long) kb.number("retention.floorDays"));
    Duration retention = Derivations.retention(outage, factor, floor, replay);
    Duration minLatency =
        fed.stream()
            .map(Consumer::freshnessOrLatency)
            .filter(x -> x != null)
            .min(Duration::compareTo)
            .orElse(null);
    long onlineReaders = fed.stream().filter(this::isOnline).count();
    int shards =
        Derivations.kinesisShards(
            bytes == null ? 0 : bytes,
            peak == null ? 0 : peak,
            kb.number("kinesis.shard.bytesPerSecond"),
            kb.number("kinesis.shard.recordsPerSecond"));
    List<String> retentionDrivers = new ArrayList<>(outageDrivers);
    retentionDrivers.addAll(replayDrivers);
    Facts f = new Facts().put("push", Boolean.TRUE.equals(t.push()));
    if (peak == null && Boolean.TRUE.equals(t.push())) {
      f.unknown(
          "peakEventsPerSecond", null, "the peak rate of " + s.id() + " is not stated (volume)");
    }
    boolean v2 = !!v2Data || (req.blueprint() != null && req.blueprint() >= 2);
    Boolean ordered = ordered(s, fed);
    if (ordered != null) {
      f.put("ordered", ordered);
    } else if (v2 && Boolean.TRUE.equals(t.push())) {
      f.unknown(
          "ordered",
          Boolean.TRUE.equals(t.ordered()),
          "whether one key's events of "
              + s.id()
              + " must stay in order is not stated (orderPerKey)");
    } else {
      f.put("ordered", Boolean.TRUE.equals(t.ordered()));
    }
    long subscribers =
        fed.stream()
            .filter(
                c -> c.reads().contains(s.id()) || c.access() == AccessPattern.EVENT_SUBSCRIPTION)
            .count();
    platformFacts(f);
    f.put("subscribers", v2 ? subscribers : null);
    long keepsDays =
        Math.max(
            Units.days(outage) > 1 ? (long) Math.ceil(Units.days(outage)) : 0,
            replay == null ? 0 : (long) Math.ceil(Units.days(replay)));
    f.put("keepsDays", keepsDays);
    boolean fanoutWithoutOrder =
        v2 && subscribers >= 2 && Boolean.FALSE.equals(ordered) && replay == null;
    f.put("fanoutWithoutOrder", fanoutWithoutOrder);
    f =
        f.put("peakEventsPerSecond", peak, ids(NfrCategory.THROUGHPUT))
            .put("peakBytesPerSecond", bytes, ids(NfrCategory.THROUGHPUT))
            .put("retentionDays", retention.toDays(), retentionDrivers)
            .put("outageDays", Units.days(outage), outageDrivers)
            .put("replayDays", replay == null ? null : Units.days(replay), replayDrivers)
            .put("consumers", v2 ? Math.max(1, fed.size()) : 1 + onlineReaders)
            .put("latencySeconds", Facts.seconds(minLatency), ids(NfrCategory.LATENCY))
            .put("kinesisShards", peak == null ? null : shards);
    return new Plan(f, peak, bytes, shards, retention, outage, outageFrom, replay, factor, floor);
  }

  /** The requirements that concern a source: those about it or its readers, or about nothing. */
  static List<NonFunctionalRequirement> about(
      List<NonFunctionalRequirement> nfrs, Source s, List<Consumer> fed) {
    return nfrs.stream()
        .filter(
            n ->
                n.about().isEmpty()
                    || n.about().contains(s.id())
                    || fed.stream().anyMatch(c -> n.about().contains(c.id())))
        .toList();
  }

  /** Whether one key's events must stay in order: the source says, or a consumer needs it. */
  private static Boolean ordered(Source s, List<Consumer> fed) {
    if (s.orderPerKey() != null) {
      return s.orderPerKey();
    }
    if (fed.stream().anyMatch(c -> Boolean.TRUE.equals(c.orderPerKey()))) {
      return true;
    }
    if (!fed.isEmpty() && fed.stream().allMatch(c -> Boolean.FALSE.equals(c.orderPerKey()))) {
      return false;
    }
    return null;
  }

  /** Where it runs, as facts the messaging and store decisions test. */
  private void platformFacts(Facts f) {
    if (platform.hosting() != null) {
      f.put("hosting", platform.hosting() == Hosting.CLOUD ? "cloud" : "self-hosted");
    }
    if (platform.provider() != null) {
      f.put("provider", platform.provider().name().toLowerCase(Locale.ROOT));
    }
    if (platform.operations() != null) {
      f.put("operations", platform.operations().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    for (Constraint c : req.requirements().constraints()) {
      String need = c.requires();
      if (need == null) {
        continue;
      }
      switch (need) {
        case "aws", "azure", "gcp" -> {
          f.put("hosting", "cloud", c.id());
          f.put("provider", need, c.id());
        }
        case "cloud", "self-hosted" -> f.put("hosting", need, c.id());
        case "managed", "serverless", "self-managed" -> f.put("operations", need, c.id());
        default -> {}
      }
    }
  }

  private boolean isOnline(Consumer c) {
    return c.freshnessOrLatency() != null && c.freshnessOrLatency().compareTo(online) <= 0;
  }

  private List<NonFunctionalRequirement> nfrs(NfrCategory category) {
    return Nfrs.of(req, category);
  }

  private List<String> ids(NfrCategory category) {
    return Nfrs.ids(req, category);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
