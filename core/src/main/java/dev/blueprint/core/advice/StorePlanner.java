package dev.blueprint.core.advice;

import dev.blueprint.core.advice.knowledge.Facts;
import dev.blueprint.core.advice.knowledge.Knowledge;
import dev.blueprint.core.model.AccessPattern;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.DataNeed;
import dev.blueprint.core.model.DataRole;
import dev.blueprint.core.model.DataShape;
import dev.blueprint.core.model.NfrCategory;
import dev.blueprint.core.model.ReadLatency;
import dev.blueprint.core.model.SchemaStability;
import dev.blueprint.core.model.Source;
import dev.blueprint.core.review.Units;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The facts of a serving store decision, from the requirements alone: how the data is read (the
 * readers' stated access, never names or descriptions), how fast and how often, how much is
 * written, how long it lives, whether it is the system of record, its shape and whether it changes
 * in transactions. A fact that is not stated is marked unknown (with what was assumed), which makes
 * the decision low confidence and raises its question.
 */
final class StorePlanner {
  /** The most demanding access first: it decides the family. */
  private static final List<AccessPattern> ORDER =
      List.of(
          AccessPattern.TRAVERSAL,
          AccessPattern.KEY_LOOKUP,
          AccessPattern.RANGE_SCAN,
          AccessPattern.FULL_TEXT_SEARCH,
          AccessPattern.ANALYTICAL_SCAN,
          AccessPattern.FILE_EXPORT);

  private final Blueprint req;
  private final Knowledge kb;

  StorePlanner(Blueprint req, Knowledge kb) {
    this.req = req;
    this.kb = kb;
  }

  /**
   * How the data is read (the {@code access} fact). Without a stated access it is assumed from
   * freshness alone (online readers look up by key, others read reports) and marked unknown.
   */
  String access(String name, DataNeed need, List<Consumer> readers, boolean onlineReader, Facts f) {
    for (AccessPattern a : ORDER) {
      if (readers.stream().anyMatch(k -> k.access() == a)) {
        String fact = a == AccessPattern.ANALYTICAL_SCAN ? analytical(name, need, f) : fact(a);
        f.put("access", fact);
        return fact;
      }
    }
    String assumed = onlineReader ? "point-lookup" : "aggregate-report";
    f.unknown(
        "access", assumed, "how " + ids(readers) + " read " + name + " is not stated (access)");
    return assumed;
  }

  /**
   * Analytical scans over data that one database server holds are reporting, which a relational
   * store serves with SQL and joins; over more, they are lake scans (FIELD-GUIDE.md: relational for
   * small or medium data, object storage for large history and analytics scans).
   */
  private String analytical(String name, DataNeed need, Facts f) {
    if (need == null || need.rows() == null) {
      f.unknown("rows", null, "how many rows " + name + " holds is not stated (rows)");
      return "scan";
    }
    return need.rows() < kb.number("serving.reportingMaxRows") ? "aggregate-report" : "scan";
  }

  private static String fact(AccessPattern a) {
    return switch (a) {
      case KEY_LOOKUP -> "point-lookup";
      case RANGE_SCAN -> "range-scan";
      case ANALYTICAL_SCAN -> "scan";
      case TRAVERSAL -> "relationships";
      case FULL_TEXT_SEARCH -> "search";
      case FILE_EXPORT -> "export";
      case EVENT_SUBSCRIPTION -> "subscription";
    };
  }

  /**
   * The rest of the facts. Returns the derivation of a bounded write rate when derived data is
   * written less often than its sources send (else null).
   */
  Derivation facts(
      Facts f,
      String name,
      DataNeed need,
      List<Consumer> readers,
      List<Source> feeding,
      Consumer first,
      double writes,
      Duration retention) {
    Derivation rate = null;
    Duration freshest =
        readers.stream()
            .map(Consumer::freshnessOrLatency)
            .filter(x -> x != null)
            .min(Duration::compareTo)
            .orElse(first.freshnessOrLatency());
    f.put("latencySeconds", Facts.seconds(freshest), ids(NfrCategory.FRESHNESS));
    Duration readLatency =
        readers.stream()
            .map(Consumer::readLatency)
            .filter(r -> r != null && r.value() != null)
            .map(ReadLatency::value)
            .min(Duration::compareTo)
            .orElse(null);
    f.put(
        "readLatencyMs",
        readLatency == null ? null : readLatency.toMillis(),
        ids(NfrCategory.LATENCY));
    double reads =
        readers.stream()
            .map(Consumer::peakReadsPerSecond)
            .filter(x -> x != null)
            .mapToDouble(Double::doubleValue)
            .sum();
    f.put("readsPerSecond", reads == 0 ? null : reads, ids(NfrCategory.THROUGHPUT));
    if (writes > 0
        && need != null
        && need.role() == DataRole.DERIVED
        && need.rows() != null
        && freshest != null
        && freshest.toSeconds() > 0) {
      // derived data is written at most once per row per freshness window: a processor
      // aggregates the events in between
      double bound = need.rows() / (double) freshest.toSeconds();
      if (bound < writes) {
        rate =
            new Derivation(
                "dataset " + name,
                "write rate",
                Facts.say(Math.ceil(bound)) + " writes/s",
                "derived: at most rows / freshness (each row rewritten once per freshness window)",
                Facts.say(need.rows())
                    + " rows, freshness "
                    + Units.say(freshest)
                    + "; the sources send "
                    + Facts.say(writes)
                    + " events/s");
        writes = Math.ceil(bound);
      }
    }
    f.put("writeEventsPerSecond", writes > 0 ? writes : null, ids(NfrCategory.THROUGHPUT));
    if (need == null || need.expiry() != null || statesRetention()) {
      // version 2: a history only a default asks for decides nothing
      f.put("historyDays", retention.toDays(), ids(NfrCategory.RETENTION));
    }
    f.put("schemaStability", worstStability(feeding));
    if (need != null && need.expiry() != null) {
      f.put("expiryMinutes", Math.max(1, need.expiry().toMinutes()));
    }
    if (need != null && need.role() != null) {
      f.put("systemOfRecord", need.role() == DataRole.SYSTEM_OF_RECORD);
      f.put("role", need.role().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    } else {
      f.unknown(
          "systemOfRecord",
          true,
          "whether " + name + " is the system of record, derived or a cache is not stated (role)");
    }
    if ((need != null && Boolean.TRUE.equals(need.transactions()))
        || readers.stream().anyMatch(k -> Boolean.TRUE.equals(k.transactions()))) {
      f.put("transactions", true);
    }
    if (need != null
        && (need.shape() != null || feeding.stream().anyMatch(s -> s.validated() != null))) {
      f.put(
          "shapeVaries",
          need.shape() == DataShape.VARIES
              || feeding.stream().anyMatch(s -> Boolean.FALSE.equals(s.validated())));
    }
    readers.stream()
        .map(Consumer::traversalDepth)
        .filter(x -> x != null)
        .max(Integer::compareTo)
        .ifPresent(d -> f.put("traversalDepth", d));
    feeding.stream()
        .map(s -> s.volume() == null ? null : s.volume().eventBytes())
        .filter(x -> x != null)
        .max(Long::compareTo)
        .ifPresent(x -> f.put("rowBytes", x));
    if (need != null && need.rows() != null) {
      f.put("rows", need.rows());
      f.put(
          "fitsOneServer",
          need.rows() < kb.number("serving.reportingMaxRows")
              && writes < kb.number("serving.oneServerWritesPerSecond")
              && reads < kb.number("serving.oneServerReadsPerSecond"));
    }
    return rate;
  }

  /** The least stable schema of the sources: what the store must absorb. */
  static String worstStability(List<Source> sources) {
    SchemaStability worst = SchemaStability.STABLE;
    for (Source s : sources) {
      SchemaStability st =
          s.schemaStability() == null ? SchemaStability.UNKNOWN : s.schemaStability();
      if (rank(st) > rank(worst)) {
        worst = st;
      }
    }
    return worst.name().toLowerCase(Locale.ROOT);
  }

  private static int rank(SchemaStability s) {
    return switch (s) {
      case STABLE -> 0;
      case UNKNOWN -> 1;
      case EVOLVING -> 2;
      case VOLATILE -> 3;
    };
  }

  private boolean statesRetention() {
    return req.requirements().nonFunctional().stream()
        .anyMatch(
            n ->
                n.category() == NfrCategory.RETENTION
                    && Units.duration(n.value(), n.unit()).isPresent());
  }

  private List<String> ids(NfrCategory category) {
    return Nfrs.ids(req, category);
  }

  private static String ids(List<Consumer> readers) {
    return readers.isEmpty()
        ? "its readers"
        : String.join(", ", readers.stream().map(Consumer::id).toList());
  }
}
