package dev.blueprint.core.advice;

import java.time.Duration;

/**
 * The formulas behind derived settings. Every method is pure; the report prints the formula and the
 * inputs next to each value.
 */
public final class Derivations {
  private Derivations() {}

  /**
   * Kafka partitions: max(ceil(peak bytes/s / target bytes/s per partition), ceil(peak events/s /
   * target events/s per partition), consumer parallelism), rounded up to a multiple of {@code
   * multiple} so that consumers and brokers share partitions evenly.
   */
  public static int kafkaPartitions(
      double peakBytesPerSecond,
      double peakEventsPerSecond,
      double targetBytesPerPartition,
      double targetEventsPerPartition,
      int consumerParallelism,
      int multiple) {
    long byBytes = (long) Math.ceil(peakBytesPerSecond / targetBytesPerPartition);
    long byEvents = (long) Math.ceil(peakEventsPerSecond / targetEventsPerPartition);
    long needed = Math.max(1, Math.max(Math.max(byBytes, byEvents), consumerParallelism));
    long rounded = ((needed + multiple - 1) / multiple) * multiple;
    return (int) Math.min(rounded, 10_000);
  }

  /** Kinesis shards: max(ceil(bytes/s / 1 MB/s), ceil(records/s / 1,000/s)), at least 1. */
  public static int kinesisShards(
      double peakBytesPerSecond,
      double peakRecordsPerSecond,
      double shardBytesPerSecond,
      double shardRecordsPerSecond) {
    long byBytes = (long) Math.ceil(peakBytesPerSecond / shardBytesPerSecond);
    long byRecords = (long) Math.ceil(peakRecordsPerSecond / shardRecordsPerSecond);
    return (int) Math.max(1, Math.max(byBytes, byRecords));
  }

  /**
   * Stream retention: max(longest tolerated outage x safety factor, floor, replay window), in whole
   * days.
   */
  public static Duration retention(
      Duration longestOutage, double safetyFactor, Duration floor, Duration replay) {
    long outageMs = longestOutage == null ? 0 : longestOutage.toMillis();
    Duration withMargin = Duration.ofMillis((long) Math.ceil(outageMs * safetyFactor));
    Duration r = withMargin.compareTo(floor) > 0 ? withMargin : floor;
    if (replay != null && replay.compareTo(r) > 0) {
      r = replay;
    }
    return roundUpToDays(r);
  }

  /** Rounds up to whole days. */
  public static Duration roundUpToDays(Duration d) {
    long days = (d.toMillis() + 86_399_999L) / 86_400_000L;
    return Duration.ofDays(Math.max(1, days));
  }

  /** min.insync.replicas: the target, but at most replication - 1 and at least 1. */
  public static int minInsyncReplicas(int replication, int target) {
    return Math.max(1, Math.min(target, replication - 1));
  }
}
