package dev.blueprint.core.review;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.ExistingComponent;
import dev.blueprint.core.model.NonFunctionalRequirement;
import dev.blueprint.core.model.Platform;
import dev.blueprint.core.model.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Who reads what in a blueprint, and the settings that apply when none is written. */
public final class Topology {
  /** Kafka's broker default log.retention.hours is 168. */
  public static final Duration KAFKA_DEFAULT_RETENTION = Duration.ofDays(7);

  /** Kinesis Data Streams keep records 24 hours unless retention is raised. */
  public static final Duration KINESIS_DEFAULT_RETENTION = Duration.ofHours(24);

  /**
   * How long the SQS queue that the generated CloudFormation puts between an event bus and each of
   * its consumers keeps an event (14 days, SQS's maximum; generate.aws.AwsStacks).
   */
  public static final Duration EVENT_BUS_QUEUE_RETENTION = Duration.ofDays(14);

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

  /** The datasets a requirement is about: those it names, and those the consumers it names read. */
  public static List<Dataset> datasetsAbout(Blueprint bp, NonFunctionalRequirement n) {
    Set<Dataset> out = new LinkedHashSet<>();
    var a = bp.architectureOrEmpty();
    for (String name : namesAbout(bp, n)) {
      a.dataset(name).ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  /**
   * The streams a requirement is about: those it names, those the sources it names write to, and
   * those the consumers it names read.
   */
  public static List<Stream> streamsAbout(Blueprint bp, NonFunctionalRequirement n) {
    Set<String> names = namesAbout(bp, n);
    Set<Stream> out = new LinkedHashSet<>();
    for (Stream s : bp.architectureOrEmpty().streams()) {
      boolean named = names.contains(s.name());
      boolean written = s.producers().stream().anyMatch(n.about()::contains);
      boolean read = s.consumers().stream().anyMatch(n.about()::contains);
      if (named || written || read) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  /** The existing systems that hold data a requirement names, or data its consumers read. */
  public static List<ExistingComponent> systemsAbout(Blueprint bp, NonFunctionalRequirement n) {
    Set<String> names = namesAbout(bp, n);
    return existingSystems(bp).stream()
        .filter(x -> x.holds().stream().anyMatch(names::contains))
        .toList();
  }

  /** The systems of an improve-existing engagement, none when it describes none. */
  public static List<ExistingComponent> existingSystems(Blueprint bp) {
    var e = bp.engagement();
    return e == null || e.existingSystem() == null ? List.of() : e.existingSystem().systems();
  }

  /** The names a requirement is about, with what the consumers it names read. */
  private static Set<String> namesAbout(Blueprint bp, NonFunctionalRequirement n) {
    Set<String> names = new LinkedHashSet<>(n.about());
    for (Consumer c : bp.consumers()) {
      if (n.about().contains(c.id())) {
        names.addAll(c.reads());
      }
    }
    return names;
  }
}
