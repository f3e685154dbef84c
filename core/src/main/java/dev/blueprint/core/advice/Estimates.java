package dev.blueprint.core.advice;

import dev.blueprint.core.advice.knowledge.Facts;
import dev.blueprint.core.advice.knowledge.Knowledge;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Capacity and cost estimates per viable option of a messaging or store decision, from the
 * decision's facts and the knowledge base's sizing thresholds. An estimate needs its inputs; where
 * a volume is unknown it says so instead of guessing.
 */
final class Estimates {
  private static final double SECONDS_PER_MONTH = 30.4 * 86_400;
  private static final double GB = 1e9;

  private Estimates() {}

  static List<Estimate> of(String decision, Facts f, List<Total> totals, Knowledge kb) {
    List<Estimate> out = new ArrayList<>();
    for (Total t : totals) {
      if (t.knockedOut()) {
        continue;
      }
      Estimate e =
          switch (decision) {
            case "messaging" -> messaging(t.option(), f, kb);
            case "store" -> store(t.option(), f, kb);
            default -> null;
          };
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  private static Estimate messaging(String option, Facts f, Knowledge kb) {
    Double events = number(f, "peakEventsPerSecond");
    Double bytes = number(f, "peakBytesPerSecond");
    Double days = number(f, "retentionDays");
    if (events == null) {
      return new Estimate(option, "unknown: the peak rate is not stated", "unknown", "");
    }
    double b = bytes == null ? 0 : bytes;
    double keepDays = days == null ? 7 : days;
    return switch (option) {
      case "kafka" -> {
        int partitions =
            Derivations.kafkaPartitions(
                b,
                events,
                kb.number("kafka.partition.targetBytesPerSecond"),
                kb.number("kafka.partition.targetEventsPerSecond"),
                1,
                (int) kb.number("kafka.partition.multiple"));
        int rf = (int) kb.number("kafka.replication");
        yield new Estimate(
            option,
            partitions + " partitions on " + rf + " brokers",
            bytes == null
                ? "unknown: the event size is not stated"
                : gb(b * 86_400 * keepDays * rf) + " on broker disks",
            "partitions as derived for the topic; storage = peak bytes/s x 86,400 x "
                + say(keepDays)
                + " days x replication "
                + rf
                + " (an upper bound: the peak held all day)");
      }
      case "kinesis" -> {
        int shards =
            Derivations.kinesisShards(
                b,
                events,
                kb.number("kinesis.shard.bytesPerSecond"),
                kb.number("kinesis.shard.recordsPerSecond"));
        yield new Estimate(
            option,
            shards + " shards, " + say(shards * 730.0) + " shard-hours a month",
            "kept by the service for "
                + say(keepDays)
                + " days (extended retention beyond 1 day is billed per shard-hour)",
            "shards = max(ceil(peak bytes/s / 1 MB/s), ceil(peak records/s / 1,000)); shard-hours = shards x 730");
      }
      case "event-bus" ->
          new Estimate(
              option,
              say(events * SECONDS_PER_MONTH / 1e6) + " million events a month at most",
              "none: the bus keeps no stream",
              "events = peak events/s x 2.63 million seconds a month (an upper bound); billed per million events published");
      case "none" ->
          new Estimate(option, "one scheduled export per run", "in the source until exported", "");
      default -> null;
    };
  }

  private static Estimate store(String option, Facts f, Knowledge kb) {
    Double rows = number(f, "rows");
    Double rowBytes = number(f, "rowBytes");
    Double writes = number(f, "writeEventsPerSecond");
    Double reads = number(f, "readsPerSecond");
    double perNodeWrites = kb.number("sizing.wideColumn.writesPerNode");
    int pair = (int) kb.number("serving.instances.primaryStandby");
    int quorum = (int) kb.number("serving.instances.quorum");
    String nodes;
    String formula;
    int replicas;
    switch (option) {
      case "relational" -> {
        nodes =
            "1 primary + 1 standby"
                + (reads != null && reads > kb.number("serving.oneServerReadsPerSecond") / 2
                    ? " + read replicas"
                    : "");
        replicas = pair;
        formula = "a primary and a synchronous standby (no single point of failure)";
      }
      case "document" -> {
        nodes = "a replica set of " + quorum;
        replicas = quorum;
        formula = "three members elect a primary (majority of 3)";
      }
      case "key-value" -> {
        nodes = "1 primary + 1 replica, in memory";
        replicas = pair;
        formula = "a replica per primary; the data set must fit in memory";
      }
      case "wide-column" -> {
        int n = quorum;
        if (writes != null) {
          n = (int) Math.max(quorum, Math.ceil(writes * quorum / perNodeWrites));
        }
        nodes = n + " nodes";
        replicas = quorum;
        formula =
            "max("
                + quorum
                + ", ceil(writes/s x replication "
                + quorum
                + " / "
                + say(perNodeWrites)
                + " writes/s per node))";
      }
      case "graph" -> {
        nodes = "a cluster of " + quorum + " (1 leader, " + (quorum - 1) + " followers)";
        replicas = quorum;
        formula = "three core members for a writable majority";
      }
      case "object-storage" -> {
        nodes = "no nodes: a bucket, and a query engine billed per scan";
        replicas = 1;
        formula = "the provider replicates objects across zones";
      }
      default -> {
        return null;
      }
    }
    String storage;
    if (rows == null) {
      storage = "unknown: the row count is not stated";
    } else if (rowBytes == null) {
      storage = say(rows) + " rows; the size of a row is not stated";
    } else {
      double bytes = rows * rowBytes * replicas;
      storage =
          gb(bytes)
              + (option.equals("key-value") ? " of memory" : "")
              + " ("
              + say(rows)
              + " rows x "
              + say(rowBytes)
              + " bytes x "
              + replicas
              + (replicas == 1 ? " copy" : " copies")
              + ")";
    }
    return new Estimate(option, nodes, storage, formula);
  }

  private static Double number(Facts f, String name) {
    return f.get(name) instanceof Number n ? n.doubleValue() : null;
  }

  private static String gb(double bytes) {
    double g = bytes / GB;
    return (g < 1 ? String.format(Locale.ROOT, "%.2f", g) : say(Math.ceil(g))) + " GB";
  }

  private static String say(double v) {
    return Facts.say(v == Math.rint(v) ? (Object) (long) v : (Object) v);
  }
}
