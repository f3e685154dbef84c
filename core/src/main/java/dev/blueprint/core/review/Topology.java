package dev.blueprint.core.review;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Platform;
import dev.blueprint.core.model.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Who reads what in a blueprint, and the settings that apply when none is written. */
public final class Topology {
  /** Kafka's broker default log.retention.hours is 168. */
  public static final Duration KAFKA_DEFAULT_RETENTION = Duration.ofDays(7);

  /** Kinesis Data Streams keep records 24 hours unless retention is raised. */
  public static final Duration KINESIS_DEFAULT_RETENTION = Duration.ofHours(24);

  /** Kinesis Data Streams keep records at most 365 days. */
  public static final Duration KINESIS_MAX_RETENTION = Duration.ofDays(365);

  private Topology() {}

  /** The consumers that read {@code stream}: named in its consumers or reading it by name. */
  public static List<Consumer> readersOf(Blueprint bp, Stream stream) {
    List<Consumer> readers = new ArrayList<>();
    for (Consumer c : bp.consumers()) {
      if (c.reads().contains(stream.name()) || stream.consumers().contains(c.id())) {
        readers.add(c);
      }
    }
    return readers;
  }

  /** The retention that applies: the written one, or the platform's default (none on a bus). */
  public static Duration effectiveRetention(Stream s) {
    if (s.retention() != null) {
      return s.retention();
    }
    return switch (s.platformOrKafka()) {
      case KAFKA -> KAFKA_DEFAULT_RETENTION;
      case KINESIS -> KINESIS_DEFAULT_RETENTION;
      case EVENT_BUS -> Duration.ZERO;
    };
  }

  /** True when the stream keeps records that a consumer can re-read. */
  public static boolean keepsRecords(Stream s) {
    return s.platformOrKafka() != Platform.EVENT_BUS && !effectiveRetention(s).isZero();
  }

  /** True when some name in the architecture (dataset, stream or cache) is {@code name}. */
  public static boolean provides(Blueprint bp, String name) {
    var a = bp.architectureOrEmpty();
    return a.dataset(name).isPresent()
        || a.stream(name).isPresent()
        || a.caches().stream().anyMatch(c -> name.equals(c.name()));
  }
}
