package dev.blueprint.core.review.rules;

import dev.blueprint.core.advice.knowledge.Knowledge;
import dev.blueprint.core.model.AccessPattern;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Cache;
import dev.blueprint.core.model.Comparator;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.NfrCategory;
import dev.blueprint.core.model.NonFunctionalRequirement;
import dev.blueprint.core.model.StoreFamily;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.ReviewRule;
import dev.blueprint.core.review.Risk;
import dev.blueprint.core.review.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A read-latency target below what the store that serves the read typically answers in: a
 * consumer's readLatency, or a SMART latency requirement about a consumer or dataset. The floors
 * per store family, and with a cache in front for key look-ups, are the knowledge base's {@code
 * store.readFloorMs.*} and {@code cache.readFloorMs} thresholds, with their sources.
 */
public final class ReadLatencyRule implements ReviewRule {

  @Override
  public String id() {
    return "RV-REQ-004";
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
    return "Every read-latency target is above what the store family, or the cache in front of it,"
        + " typically answers in.";
  }

  @Override
  public List<Finding> check(Blueprint bp) {
    List<Finding> out = new ArrayList<>();
    Knowledge kb = Knowledge.builtIn();
    for (Target t : targets(bp)) {
      t.reads().forEach((d, access) -> check(bp, kb, t, d, access, out));
    }
    return out;
  }

  /**
   * A read-latency target: the element that states it, the target in words, the latency, and the
   * datasets it applies to with how each is read (null when not known).
   */
  private record Target(
      String element, String says, Duration latency, Map<Dataset, AccessPattern> reads) {}

  /** Every consumer's readLatency, and every SMART latency requirement about readers or data. */
  private static List<Target> targets(Blueprint bp) {
    var a = bp.architectureOrEmpty();
    List<Target> targets = new ArrayList<>();
    for (Consumer c : bp.consumers()) {
      if (c.readLatency() != null && c.readLatency().value() != null) {
        Map<Dataset, AccessPattern> reads = new LinkedHashMap<>();
        c.reads().forEach(r -> a.dataset(r).ifPresent(d -> reads.put(d, c.access())));
        String says = "its readLatency of p" + percentile(c) + " " + say(c.readLatency().value());
        targets.add(new Target("consumer " + c.id(), says, c.readLatency().value(), reads));
      }
    }
    for (NonFunctionalRequirement n : bp.requirements().nonFunctional()) {
      Optional<Duration> latency = Units.exactDuration(n.value(), n.unit());
      boolean upperBound = n.comparator() == Comparator.LT || n.comparator() == Comparator.LE;
      if (n.isStructured()
          && n.category() == NfrCategory.LATENCY
          && latency.isPresent()
          && upperBound) {
        String says =
            "its target '%s %s %s'"
                .formatted(n.metric(), n.comparator().symbol(), say(latency.get()));
        targets.add(new Target("requirement " + n.id(), says, latency.get(), readsAbout(bp, n)));
      }
    }
    return targets;
  }

  /** The datasets a requirement names, or its consumers read, with how they are read. */
  private static Map<Dataset, AccessPattern> readsAbout(Blueprint bp, NonFunctionalRequirement n) {
    Map<Dataset, AccessPattern> reads = new LinkedHashMap<>();
    var a = bp.architectureOrEmpty();
    for (String name : n.about()) {
      a.dataset(name).ifPresent(d -> reads.putIfAbsent(d, null));
      for (Consumer c : bp.consumers()) {
        if (c.id().equals(name)) {
          c.reads().forEach(r -> a.dataset(r).ifPresent(d -> reads.putIfAbsent(d, c.access())));
        }
      }
    }
    return reads;
  }

  private void check(
      Blueprint bp, Knowledge kb, Target t, Dataset d, AccessPattern access, List<Finding> out) {
    if (d.store() == null) {
      return;
    }
    boolean keyRead = access == null || access == AccessPattern.KEY_LOOKUP;
    Optional<Cache> cache =
        bp.architectureOrEmpty().caches().stream()
            .filter(c -> d.name().equals(c.caches()))
            .findFirst();
    String family = family(d.store());
    boolean scan =
        d.store() == StoreFamily.OBJECT_STORAGE
            && (access == AccessPattern.ANALYTICAL_SCAN
                || access == AccessPattern.RANGE_SCAN
                || access == AccessPattern.FILE_EXPORT);
    Duration floor;
    String servedBy;
    if (cache.isPresent() && keyRead) {
      floor = millis(kb.number("cache.readFloorMs"));
      servedBy = "the cache " + cache.get().name() + " in front of dataset " + d.name();
    } else {
      floor = millis(kb.number("store.readFloorMs." + family + (scan ? "-scan" : "")));
      servedBy = "dataset " + d.name() + " in a " + family + " store" + (scan ? ", scanned," : "");
    }
    if (t.latency().compareTo(floor) >= 0) {
      return;
    }
    out.add(
        finding(
            t.element(),
            t.says()
                + " is below what "
                + servedBy
                + " typically answers in (about "
                + say(floor)
                + "), so the target cannot be met.",
            fix(d, keyRead, cache.isPresent(), floor)));
  }

  private static String fix(Dataset d, boolean keyRead, boolean cached, Duration floor) {
    String relax = "or agree a target of at least " + say(floor) + " with the problem owner.";
    if (cached || d.store() == StoreFamily.KEY_VALUE) {
      return "Nothing shared over the network answers faster: keep the data in the reader's memory, "
          + relax;
    }
    if (keyRead) {
      return "Put a cache in front of "
          + d.name()
          + " (architecture.caches with caches: "
          + d.name()
          + ") or serve it from a key-value store, "
          + relax;
    }
    return "Precompute the answer into a dataset the reader looks up by key (a key-value store, or"
        + " a cache in front of a database), "
        + relax;
  }

  private static String family(StoreFamily f) {
    return f.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static Duration millis(double ms) {
    return Duration.ofNanos(Math.round(ms * 1_000_000));
  }

  /** A latency the way people say it: 0.5ms, 80ms, 2s. */
  private static String say(Duration d) {
    if (d.toMillis() >= 1000 || d.toNanos() % 1_000_000 == 0) {
      return Units.say(d);
    }
    return java.math.BigDecimal.valueOf(d.toNanos(), 6).stripTrailingZeros().toPlainString() + "ms";
  }

  private static String percentile(Consumer c) {
    Double p = c.readLatency().percentile();
    if (p == null) {
      return "?";
    }
    return p == Math.rint(p) ? String.valueOf(p.longValue()) : String.valueOf(p);
  }
}
