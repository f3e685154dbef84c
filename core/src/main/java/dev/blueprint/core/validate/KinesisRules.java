package dev.blueprint.core.validate;

import dev.blueprint.core.model.Durations;
import dev.blueprint.core.model.Platform;
import dev.blueprint.core.model.Source;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.model.Volume;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Kinesis Data Streams limits from the field guide: BP-KINESIS-001 stream name (1 to 128 of a-z A-Z
 * 0-9 _ . -); BP-KINESIS-002 retention outside 24 hours to 365 days; BP-KINESIS-003 too few shards
 * for the producers' peak (per shard 1,000 records/s and 1 MB/s in), so writes would be throttled.
 */
final class KinesisRules implements Rule {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,128}");
  static final Duration MIN_RETENTION = Duration.ofHours(24);
  static final Duration MAX_RETENTION = Duration.ofDays(365);
  static final double RECORDS_PER_SHARD = 1_000;
  static final double BYTES_PER_SHARD = 1024 * 1024;

  @Override
  public void check(Context c) {
    List<Stream> streams = c.architecture().streams();
    for (int i = 0; i < streams.size(); i++) {
      Stream s = streams.get(i);
      if (s.platform() != Platform.KINESIS || s.name() == null) {
        continue;
      }
      String p = "architecture.streams[" + i + "]";
      String el = "Kinesis stream '" + s.name() + "'";
      if (!NAME.matcher(s.name()).matches()) {
        c.error(
            "BP-KINESIS-001",
            p + ".name",
            el + " has an invalid name: use 1 to 128 of the characters a-z A-Z 0-9 _ . -",
            "e.g. " + s.name().replaceAll("[^a-zA-Z0-9_.-]+", "-"));
      }
      Duration r = s.retention();
      if (r != null && (r.compareTo(MIN_RETENTION) < 0 || r.compareTo(MAX_RETENTION) > 0)) {
        c.error(
            "BP-KINESIS-002",
            p + ".retention",
            el
                + " keeps records for "
                + Durations.format(r)
                + "; Kinesis retention is from 24h to 365d",
            "retention must also exceed every reader's maxOutage");
      }
      if (s.partitions() == null || s.partitions() < 1) {
        continue;
      }
      double records = 0;
      double bytes = 0;
      for (String producer : s.producers()) {
        for (Source src : c.blueprint().sources()) {
          Volume v = src.volume();
          if (src.id() != null
              && src.id().equals(producer)
              && v != null
              && v.peakOrAverage() != null) {
            records += v.peakOrAverage();
            bytes += v.peakOrAverage() * (v.eventBytes() == null ? 0 : v.eventBytes());
          }
        }
      }
      int needed =
          (int)
              Math.max(Math.ceil(records / RECORDS_PER_SHARD), Math.ceil(bytes / BYTES_PER_SHARD));
      if (needed > s.partitions()) {
        c.error(
            "BP-KINESIS-003",
            p + ".partitions",
            el
                + " has "
                + s.partitions()
                + " shards, but its producers peak at "
                + Math.round(records)
                + " records/s ("
                + Math.round(bytes / 1024)
                + " KiB/s),"
                + " which needs at least "
                + needed
                + " shards of 1,000 records/s and 1 MB/s",
            "raise partitions (shards) to " + needed + " or more");
      }
    }
  }
}
