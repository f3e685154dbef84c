package dev.blueprint.core.validate;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Cache;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Source;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.model.Task;
import dev.blueprint.core.model.Volume;
import java.time.Duration;
import java.util.List;

/**
 * Numeric ranges: BP-RANGE-001 partitions below 1; BP-RANGE-002 replication outside 1..32767;
 * BP-RANGE-003 min.insync.replicas below 1 or above the replication factor (no write could ever
 * succeed); BP-RANGE-004 (warning) min.insync.replicas equal to the replication factor, so that one
 * broker down stops every acks=all producer; BP-RANGE-005 a count, size or duration that must not
 * be negative or zero; BP-RANGE-006 a peak rate below the average.
 */
final class RangeRules implements Rule {
  static final int MAX_REPLICAS = 32767;

  @Override
  public void check(Context c) {
    Blueprint b = c.blueprint();
    for (int i = 0; i < b.sources().size(); i++) {
      Source s = b.sources().get(i);
      Volume v = s.volume();
      if (v == null) {
        continue;
      }
      String p = "sources[" + i + "].volume";
      String el = "source '" + s.id() + "'";
      atLeast(c, v.eventsPerSecond(), 0, p + ".eventsPerSecond", el + " sends eventsPerSecond");
      atLeast(
          c,
          v.peakEventsPerSecond(),
          0,
          p + ".peakEventsPerSecond",
          el + " sends peakEventsPerSecond");
      atLeast(c, v.eventBytes(), 1, p + ".eventBytes", el + " has eventBytes");
      atLeast(c, v.totalBytes(), 0, p + ".totalBytes", el + " has totalBytes");
      if (v.eventsPerSecond() != null
          && v.peakEventsPerSecond() != null
          && v.peakEventsPerSecond() < v.eventsPerSecond()) {
        c.error(
            "BP-RANGE-006",
            p + ".peakEventsPerSecond",
            el
                + " peaks at "
                + num(v.peakEventsPerSecond())
                + " events/s, below its average of "
                + num(v.eventsPerSecond()),
            "the peak is at least the average");
      }
    }
    for (int i = 0; i < b.consumers().size(); i++) {
      Consumer k = b.consumers().get(i);
      positive(
          c, k.latency(), "consumers[" + i + "].latency", "consumer '" + k.id() + "' has latency");
      if (k.freshness() != null && k.freshness().isNegative()) {
        // zero is meaningful: every read must see the latest write
        c.error(
            "BP-RANGE-005",
            "consumers[" + i + "].freshness",
            "consumer '" + k.id() + "' has freshness " + k.freshness() + "; it cannot be negative");
      }
      positive(
          c, k.replay(), "consumers[" + i + "].replay", "consumer '" + k.id() + "' has replay");
      positive(
          c,
          k.maxOutage(),
          "consumers[" + i + "].maxOutage",
          "consumer '" + k.id() + "' has maxOutage");
    }
    List<Dataset> datasets = c.architecture().datasets();
    for (int i = 0; i < datasets.size(); i++) {
      Dataset d = datasets.get(i);
      String p = "architecture.datasets[" + i + "]";
      atLeast(c, d.instances(), 1, p + ".instances", "dataset '" + d.name() + "' has instances");
      positive(c, d.retention(), p + ".retention", "dataset '" + d.name() + "' has retention");
    }
    List<Stream> streams = c.architecture().streams();
    for (int i = 0; i < streams.size(); i++) {
      Stream s = streams.get(i);
      String p = "architecture.streams[" + i + "]";
      String el = "stream '" + s.name() + "'";
      if (s.partitions() != null && s.partitions() < 1) {
        c.error(
            "BP-RANGE-001",
            p + ".partitions",
            el + " has " + s.partitions() + " partitions; it needs at least 1");
      }
      Integer rf = s.replication();
      if (rf != null && (rf < 1 || rf > MAX_REPLICAS)) {
        c.error(
            "BP-RANGE-002",
            p + ".replication",
            el + " has replication " + rf + "; it must be from 1 to " + MAX_REPLICAS,
            "3 in production");
      }
      Integer isr = s.minInsyncReplicas();
      if (isr != null) {
        if (isr < 1) {
          c.error(
              "BP-RANGE-003",
              p + ".minInsyncReplicas",
              el + " has minInsyncReplicas " + isr + "; it must be at least 1");
        } else if (rf != null && rf >= 1 && isr > rf) {
          c.error(
              "BP-RANGE-003",
              p + ".minInsyncReplicas",
              el
                  + " has minInsyncReplicas "
                  + isr
                  + " above its replication "
                  + rf
                  + ", so no acks=all write could ever succeed",
              "at most replication - 1, e.g. 2 with replication 3");
        } else if (rf != null && isr.equals(rf) && rf > 1) {
          c.warning(
              "BP-RANGE-004",
              p + ".minInsyncReplicas",
              el
                  + " has minInsyncReplicas equal to its replication "
                  + rf
                  + ", so one broker down stops every acks=all producer",
              "use replication - 1, e.g. 2 with replication 3");
        }
      }
      positive(c, s.retention(), p + ".retention", el + " has retention");
    }
    List<Pipeline> pipelines = c.architecture().pipelines();
    for (int i = 0; i < pipelines.size(); i++) {
      Pipeline pl = pipelines.get(i);
      String p = "architecture.pipelines[" + i + "]";
      atLeast(c, pl.retries(), 0, p + ".retries", "pipeline '" + pl.id() + "' has retries");
      positive(c, pl.retryDelay(), p + ".retryDelay", "pipeline '" + pl.id() + "' has retryDelay");
      for (int t = 0; t < pl.tasks().size(); t++) {
        Task task = pl.tasks().get(t);
        atLeast(
            c,
            task.retries(),
            0,
            p + ".tasks[" + t + "].retries",
            "task '" + task.id() + "' has retries");
      }
    }
    List<Cache> caches = c.architecture().caches();
    for (int i = 0; i < caches.size(); i++) {
      positive(
          c,
          caches.get(i).ttl(),
          "architecture.caches[" + i + "].ttl",
          "cache '" + caches.get(i).name() + "' has ttl");
    }
  }

  private static void atLeast(Context c, Number value, long min, String path, String what) {
    if (value != null && value.doubleValue() < min) {
      c.error("BP-RANGE-005", path, what + " " + num(value) + "; it must be at least " + min);
    }
  }

  private static void positive(Context c, Duration d, String path, String what) {
    if (d != null && (d.isNegative() || d.isZero())) {
      c.error("BP-RANGE-005", path, what + " " + d + "; it must be longer than zero");
    }
  }

  private static String num(Number n) {
    double d = n.doubleValue();
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
