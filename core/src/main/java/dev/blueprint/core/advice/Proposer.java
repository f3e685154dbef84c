package dev.blueprint.core.advice;

import dev.blueprint.core.advice.knowledge.Facts;
import dev.blueprint.core.advice.knowledge.Knowledge;
import dev.blueprint.core.advice.knowledge.SourceTemplate;
import dev.blueprint.core.model.AccessPattern;
import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Cache;
import dev.blueprint.core.model.CacheWritePolicy;
import dev.blueprint.core.model.CleanupPolicy;
import dev.blueprint.core.model.Consolidation;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.DataFormat;
import dev.blueprint.core.model.DataNeed;
import dev.blueprint.core.model.DataRole;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.ExistingComponent;
import dev.blueprint.core.model.Field;
import dev.blueprint.core.model.FieldType;
import dev.blueprint.core.model.FunctionalRequirement;
import dev.blueprint.core.model.Hosting;
import dev.blueprint.core.model.Intent;
import dev.blueprint.core.model.NfrCategory;
import dev.blueprint.core.model.NonFunctionalRequirement;
import dev.blueprint.core.model.Operations;
import dev.blueprint.core.model.Partition;
import dev.blueprint.core.model.PartitionTransform;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Platform;
import dev.blueprint.core.model.PlatformFacts;
import dev.blueprint.core.model.SchemaStability;
import dev.blueprint.core.model.Source;
import dev.blueprint.core.model.SourceKind;
import dev.blueprint.core.model.StoreFamily;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.model.Task;
import dev.blueprint.core.model.TaskGroup;
import dev.blueprint.core.model.TaskKind;
import dev.blueprint.core.model.TaskState;
import dev.blueprint.core.model.Zone;
import dev.blueprint.core.review.Units;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the proposed architecture from a requirements document: one decision point at a time, each
 * scored by {@link MatrixBuilder}, with the settings derived by {@link Derivations}.
 */
final class Proposer {
  private static final String PLATFORM_OWNER = "data-platform";
  private static final LocalDate START = LocalDate.of(2026, 1, 1);

  private final Blueprint req;
  private final Knowledge kb;
  private final Duration online;
  private final List<Matrix> matrices = new ArrayList<>();
  private final List<Derivation> derivations = new ArrayList<>();
  private final List<Question> questions = new ArrayList<>();

  /** Per kind: who is asked about (consumers, or a source) and what (datasets, or the source). */
  private final Map<Ask, Map<List<String>, List<String>>> grouped = new EnumMap<>(Ask.class);

  /** Where each kind's question stands: where it was first asked. */
  private final Map<Ask, Integer> askedAt = new EnumMap<>(Ask.class);

  private final List<String> assumptions = new ArrayList<>();
  private final List<String[]> edges = new ArrayList<>();
  private final Map<String, Dataset> datasets = new LinkedHashMap<>();
  private final List<Stream> streams = new ArrayList<>();
  private final List<Pipeline> pipelines = new ArrayList<>();
  private final List<Cache> caches = new ArrayList<>();
  private final List<Consumer> consumers = new ArrayList<>();
  private final Map<String, List<String>> streamConsumers = new LinkedHashMap<>();
  private final Map<String, String> streamOf = new LinkedHashMap<>();
  private final Map<String, String> landedAs = new LinkedHashMap<>();
  private final List<Task> dailyTasks = new ArrayList<>();
  private final List<TaskGroup> dailyGroups = new ArrayList<>();
  private final String engagementId;
  private final String dailyId;
  private final Map<String, String> requested = new LinkedHashMap<>();
  private final Map<String, List<String>> directReaders = new LinkedHashMap<>();
  private final List<String> keptInSource = new ArrayList<>();

  /** Version 2's data needs by name; empty for a version-1 file. */
  private final Map<String, DataNeed> needs = new LinkedHashMap<>();

  /** The facts of the store decisions. */
  private final StorePlanner stores;

  /** The facts of the messaging decisions. */
  private final MessagingPlanner messaging;

  /** The stated platform, or an empty one. */
  private final PlatformFacts platform;

  Proposer(Blueprint requirements, Knowledge knowledge) {
    this.req = requirements;
    this.kb = knowledge;
    this.online = Duration.ofSeconds((long) kb.number("online.latencySeconds"));
    this.engagementId =
        req.engagement() == null || req.engagement().id() == null
            ? "engagement"
            : req.engagement().id();
    this.dailyId = Names.snake(engagementId) + "_daily";
    this.consumers.addAll(req.consumers());
    req.data().forEach(d -> needs.put(d.name(), d));
    this.stores = new StorePlanner(req, kb);
    this.platform =
        req.platform() == null
            ? new PlatformFacts(null, null, null, List.of(), List.of())
            : req.platform();
    this.messaging = new MessagingPlanner(req, kb, !needs.isEmpty(), online);
    matchRequestedStreams();
  }

  /**
   * Consumers may name the streams they read (names with a dot, e.g. orders.order-state.v1). Each
   * such name goes to the push source whose id shares a word with it.
   */
  private void matchRequestedStreams() {
    for (Consumer c : req.consumers()) {
      for (String r : c.reads()) {
        if (!r.contains(".")) {
          continue;
        }
        directReaders.computeIfAbsent(r, k -> new ArrayList<>()).add(c.id());
        if (requested.containsValue(r)) {
          continue;
        }
        Source best = null;
        int bestOverlap = 0;
        for (Source s : req.sources()) {
          if (!Boolean.TRUE.equals(template(s).push()) || requested.containsKey(s.id())) {
            continue;
          }
          int overlap = overlap(r, s.id());
          if (overlap > bestOverlap) {
            best = s;
            bestOverlap = overlap;
          }
        }
        if (best == null) {
          List<Source> free =
              req.sources().stream()
                  .filter(
                      s ->
                          Boolean.TRUE.equals(template(s).push()) && !requested.containsKey(s.id()))
                  .toList();
          best = free.size() == 1 ? free.get(0) : null;
        }
        if (best != null) {
          requested.put(best.id(), r);
        }
      }
    }
  }

  private static int overlap(String a, String b) {
    Set<String> x = stems(a);
    x.retainAll(stems(b));
    return x.size();
  }

  private static Set<String> stems(String s) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : s.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (t.length() > 3 && t.endsWith("s")) {
        t = t.substring(0, t.length() - 1);
      }
      if (t.length() > 2 && !t.matches("v\\d+")) {
        out.add(t);
      }
    }
    return out;
  }

  Proposal propose() {
    for (Source s : req.sources()) {
      source(s);
    }
    Optional<Dataset> consolidated = consolidate();
    if (!datasets.isEmpty()) {
      matrix(
          "store",
          "the lake zones (" + String.join(", ", datasets.keySet()) + ")",
          lakeStoreFacts(history()),
          datasets.keySet());
    }
    Set<String> sourceIds = new LinkedHashSet<>();
    req.sources().forEach(s -> sourceIds.add(s.id()));
    for (Consumer c : req.consumers()) {
      for (String name : c.reads()) {
        if (sourceIds.contains(name)) {
          subscribe(c, name);
        } else if (!datasets.containsKey(name)
            && streams.stream().noneMatch(s -> s.name().equals(name))) {
          serving(c, name, consolidated);
        }
      }
    }
    finishDaily();
    linkGraphNodes();
    List<Stream> finalStreams = new ArrayList<>();
    for (Stream s : streams) {
      finalStreams.add(withConsumers(s, streamConsumers.getOrDefault(s.name(), List.of())));
    }
    Architecture a =
        new Architecture(
            new ArrayList<>(datasets.values()), finalStreams, pipelines, caches, List.of());
    grouped.forEach((kind, asked) -> questions.set(askedAt.get(kind), question(kind, asked)));
    return new Proposal(
        a,
        consumers.stream().map(this::readsResolved).toList(),
        matrices,
        functionalDrivers(),
        derivations,
        questions,
        assumptions,
        edges);
  }

  /**
   * Version 2: a consumer that reads a source id subscribes to that source's stream; without a
   * stream it reads what the source lands in the lake.
   */
  private void subscribe(Consumer c, String source) {
    String stream = streamOf.get(source);
    if (stream != null) {
      List<String> readers = streamConsumers.computeIfAbsent(stream, k -> new ArrayList<>());
      if (!readers.contains(c.id())) {
        readers.add(c.id());
      }
    } else if (c.access() == AccessPattern.EVENT_SUBSCRIPTION) {
      ask(
          "Access",
          c.id()
              + " subscribes to the events of "
              + source
              + ", but no stream carries them in this proposal. May it read what lands in the"
              + " lake instead?",
          "A subscription needs a stream; the advice chose none for " + source + ".",
          c.id());
    }
  }

  /** The consumer with its source ids replaced by what carries their data in the proposal. */
  private Consumer readsResolved(Consumer c) {
    if (c.reads().stream().noneMatch(r -> streamOf.containsKey(r) || landedAs.containsKey(r))) {
      return c;
    }
    List<String> reads = new ArrayList<>();
    for (String r : c.reads()) {
      String to = streamOf.getOrDefault(r, landedAs.getOrDefault(r, r));
      if (!reads.contains(to)) {
        reads.add(to);
      }
    }
    return new Consumer(
        c.id(),
        c.description(),
        reads,
        c.access(),
        c.traversalDepth(),
        c.peakReadsPerSecond(),
        c.readLatency(),
        c.freshness(),
        c.latency(),
        c.maxOutage(),
        c.orderPerKey(),
        c.replay(),
        c.writes(),
        c.transactions());
  }

  // ---------------------------------------------------------------- sources

  private void source(Source s) {
    SourceTemplate t = template(s);
    String snake = Names.snake(s.id());
    List<Consumer> fed = fedBy(s, t);
    MessagingPlanner.Plan plan = messaging.plan(s, t, fed);
    Facts f = plan.facts();
    if (f.unknowns().containsKey("ordered")) {
      askOnce(Ask.ORDERING, List.of(s.id()), s.id());
    }
    Double peak = plan.peak();
    Double bytes = plan.bytes();
    Duration retention = plan.retention();
    int shards = plan.shards();
    Duration outage = plan.outage();
    String outageFrom = plan.outageFrom();
    Duration replay = plan.replay();
    double factor = plan.factor();
    Duration floor = plan.floor();
    Set<String> about = new LinkedHashSet<>();
    about.add(s.id());
    fed.forEach(c -> about.add(c.id()));
    Matrix m = matrix("messaging", "the " + s.id() + " source", f, about);
    boolean streamed = !m.chosen().equals("none");
    // a streamed source's partitions or shards need the rate even when its total size is known:
    // the derived settings say that the volume is asked here
    if (peak == null && (streamed || s.volume() == null || s.volume().totalBytes() == null)) {
      askOnce(Ask.RATE, List.of(s.id()), s.id());
    } else if (streamed && peak != null && bytes == null) {
      askOnce(Ask.EVENT_SIZE, List.of(s.id()), s.id());
    }
    if (s.schemaStability() == null || s.schemaStability() == SchemaStability.UNKNOWN) {
      askOnce(Ask.SCHEMA, List.of(s.id()), s.id());
    }
    switch (m.chosen()) {
      case "none" -> batchSource(s, t, snake);
      default ->
          streamedSource(
              s,
              t,
              snake,
              m.chosen(),
              retention,
              peak,
              bytes,
              shards,
              outage,
              outageFrom,
              replay,
              factor,
              floor);
    }
  }

  private void streamedSource(
      Source s,
      SourceTemplate t,
      String snake,
      String platformId,
      Duration retention,
      Double peak,
      Double bytes,
      int shards,
      Duration outage,
      String outageFrom,
      Duration replay,
      double factor,
      Duration floor) {
    Platform platform =
        switch (platformId) {
          case "kinesis" -> Platform.KINESIS;
          case "event-bus" -> Platform.EVENT_BUS;
          default -> Platform.KAFKA;
        };
    String name =
        requested.getOrDefault(s.id(), Names.topic(s.id()) + "." + t.streamSuffix() + ".v1");
    String raw = snake + "_raw";
    Integer partitions = null;
    Integer replication = null;
    Integer minIsr = null;
    Duration keep = null;
    Map<String, String> config = new LinkedHashMap<>();
    String element = "stream " + name;
    if (platform == Platform.KAFKA) {
      int multiple = (int) kb.number("kafka.partition.multiple");
      int parallelism = 1 + (int) fedBy(s, t).stream().filter(this::isOnline).count();
      partitions =
          Derivations.kafkaPartitions(
              bytes == null ? 0 : bytes,
              peak == null ? 0 : peak,
              kb.number("kafka.partition.targetBytesPerSecond"),
              kb.number("kafka.partition.targetEventsPerSecond"),
              parallelism,
              multiple);
      derive(
          element,
          "partitions",
          String.valueOf(partitions),
          "max(ceil(peak bytes/s / target bytes/s per partition), ceil(peak events/s / target"
              + " events/s per partition), consumer groups' parallelism), rounded up to a multiple of "
              + multiple,
          String.format(
              Locale.ROOT,
              "%s; targets %s bytes/s and %s events/s per partition; parallelism %d",
              peak == null
                  ? unknownVolume(s) + ", so only the parallelism counts"
                  : bytes == null
                      ? "peak " + Facts.say(peak) + " events/s; " + unknownEventSize(s)
                      : "peak "
                          + Facts.say(peak)
                          + " events/s x "
                          + Facts.say(s.volume().eventBytes())
                          + " bytes = "
                          + Facts.say(bytes)
                          + " bytes/s",
              Facts.say(kb.number("kafka.partition.targetBytesPerSecond")),
              Facts.say(kb.number("kafka.partition.targetEventsPerSecond")),
              parallelism));
      replication = (int) kb.number("kafka.replication");
      minIsr =
          Derivations.minInsyncReplicas(replication, (int) kb.number("kafka.minInsyncReplicas"));
      derive(
          element,
          "replication / min.insync.replicas",
          replication + " / " + minIsr,
          "durable stream: replication factor 3, min.insync.replicas = min(2, replication - 1), producers with acks=all",
          "consumers must resume after an outage, so no acknowledged record may be lost");
      config.put("compression.type", "zstd");
      config.put("unclean.leader.election.enable", "false");
      String offering = managedKafka();
      if (offering != null) {
        derive(
            element,
            "Kafka offering",
            offering,
            "the platform is a cloud whose operations are "
                + this.platform.operations().name().toLowerCase(Locale.ROOT).replace('_', '-')
                + ": the provider's managed Kafka rather than brokers the team runs",
            "platform: " + this.platform.provider().name().toLowerCase(Locale.ROOT));
      }
      if (retention.toDays() > kb.number("kafka.tieredStorage.aboveDays")) {
        config.put("remote.storage.enable", "true");
        derive(
            element,
            "remote.storage.enable",
            "true",
            "tiered storage when retention > "
                + Facts.say(kb.number("kafka.tieredStorage.aboveDays"))
                + " days",
            "retention " + Units.say(retention));
        assumptions.add(
            "The Kafka cluster has tiered storage (KIP-405) configured, so that "
                + Units.say(retention)
                + " of "
                + name
                + " live in remote storage rather than on broker disks.");
      }
    } else if (platform == Platform.KINESIS) {
      partitions = shards;
      derive(
          element,
          "shards",
          String.valueOf(shards),
          "max(ceil(peak bytes/s / 1 MB/s), ceil(peak records/s / 1,000/s)), at least 1 (Kinesis per-shard write limits)",
          peak == null
              ? unknownVolume(s) + ", so the minimum of 1 shard"
              : bytes == null
                  ? "peak " + Facts.say(peak) + " records/s; " + unknownEventSize(s)
                  : "peak " + Facts.say(peak) + " records/s, " + Facts.say(bytes) + " bytes/s");
    }
    if (platform != Platform.EVENT_BUS) {
      keep = retention;
      derive(
          element,
          "retention",
          Units.say(retention),
          "max(longest tolerated outage x "
              + Facts.say(factor)
              + ", floor "
              + Units.say(floor)
              + (replay == null ? "" : ", replay window")
              + "), rounded up to whole days",
          "longest outage "
              + Units.say(outage)
              + (outageFrom == null ? "" : " (" + outageFrom + ")")
              + (replay == null ? "" : "; replay " + Units.say(replay))
              + "; batch consumers read the lake, so their outages do not lengthen it");
    }
    streams.add(
        new Stream(
            name,
            platform,
            (s.description() == null ? "Events of " + s.id() + "." : s.description())
                + " Keyed by "
                + t.key()
                + " so that one "
                + t.entity()
                + "'s events stay in order.",
            partitions,
            replication,
            minIsr,
            keep,
            platform == Platform.KAFKA ? CleanupPolicy.DELETE : null,
            t.key(),
            raw,
            List.of(s.id()),
            List.of(),
            config));
    streamOf.put(s.id(), name);
    streamConsumers
        .computeIfAbsent(name, k -> new ArrayList<>())
        .addAll(directReaders.getOrDefault(name, List.of()));
    Dataset rawDs = rawDataset(s, t, snake, true);
    datasets.put(rawDs.name(), rawDs);
    Dataset clean = cleanDataset(s, t, snake);
    datasets.put(clean.name(), clean);
    landedAs.put(s.id(), clean.name());
    landing(s, t, snake, name, rawDs, clean);
  }

  private void landing(
      Source s, SourceTemplate t, String snake, String stream, Dataset raw, Dataset clean) {
    Duration batchLatency =
        fedBy(s, t).stream()
            .filter(c -> !isOnline(c))
            .map(Consumer::freshnessOrLatency)
            .filter(x -> x != null)
            .min(Duration::compareTo)
            .orElse(null);
    Facts f =
        new Facts()
            .put("latencySeconds", Facts.seconds(batchLatency), ids(NfrCategory.FRESHNESS))
            .put("steps", 2)
            .put("backfill", true)
            .put("streamed", true);
    Matrix m = matrix("orchestration", "landing " + stream + " in the lake", f);
    String id = snake + "_to_lake";
    if (m.chosen().equals("stream-processor")) {
      String sink = Names.kebab(s.id()) + "-lake-sink";
      consumers.add(
          new Consumer(
              sink,
              "Stream processor that writes "
                  + stream
                  + " to "
                  + raw.name()
                  + " and "
                  + clean.name()
                  + ".",
              List.of(stream),
              batchLatency,
              Duration.ofHours(1)));
      streamConsumers.computeIfAbsent(stream, k -> new ArrayList<>()).add(sink);
      return;
    }
    String schedule = "@hourly";
    derive(
        "pipeline " + id,
        "schedule",
        schedule,
        "hourly landing: small enough files per partition, and the clean zone is at most an hour behind",
        batchLatency == null
            ? "no batch consumer states a latency"
            : "freshest batch consumer needs " + Units.say(batchLatency));
    List<Task> tasks = new ArrayList<>();
    tasks.add(
        new Task(
            "land_raw",
            TaskKind.SPARK,
            "Reads the last hour of "
                + stream
                + " and writes "
                + raw.format().name().toLowerCase(Locale.ROOT)
                + " files to the raw zone; offsets are committed only after the files are written.",
            null,
            "jobs/land_" + snake + ".py",
            List.of(stream),
            List.of(raw.name()),
            List.of(),
            null,
            List.of(),
            TaskState.STORE));
    tasks.add(
        new Task(
            "clean",
            TaskKind.SPARK,
            "Deduplicates by "
                + String.join(", ", t.primaryKey())
                + ", drops malformed records and adds the partition date.",
            null,
            "jobs/clean_" + snake + ".py",
            List.of(raw.name()),
            List.of(clean.name()),
            List.of("land_raw"),
            null,
            List.of(),
            TaskState.NONE));
    tasks.add(
        new Task(
            "remove_partial_hour",
            TaskKind.BASH,
            "Deletes the files of the failed hour so that the rerun starts clean.",
            null,
            "scripts/remove_partition.sh " + clean.name() + " \"{{ data_interval_start }}\"",
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of("land_raw", "clean"),
            null));
    pipelines.add(
        new Pipeline(
            id,
            "Lands " + stream + " in the lake every hour and cleans it.",
            PLATFORM_OWNER,
            schedule,
            START,
            List.of(Names.snake(engagementId), "lake"),
            (int) kb.number("pipeline.landing.retries"),
            Duration.ofMinutes((long) kb.number("pipeline.landing.retryDelayMinutes")),
            List.of(),
            tasks));
    streamConsumers.computeIfAbsent(stream, k -> new ArrayList<>()).add(id);
  }

  private void batchSource(Source s, SourceTemplate t, String snake) {
    Dataset snap = rawDataset(s, t, snake, false);
    datasets.put(snap.name(), snap);
    landedAs.put(s.id(), snap.name());
    ensureGroup("extract", "Export the batch sources to the raw zone.");
    dailyTasks.add(
        new Task(
            "export_" + snake,
            TaskKind.BASH,
            "Exports the day's records of " + s.id() + " to the raw zone.",
            "extract",
            "scripts/export_" + snake + ".sh \"{{ ds }}\"",
            List.of(),
            List.of(snap.name()),
            List.of(),
            null,
            List.of(),
            TaskState.NONE));
    edges.add(new String[] {"source:" + s.id(), "pipeline:" + dailyId});
  }

  // ---------------------------------------------------------------- lake datasets

  private Dataset rawDataset(Source s, SourceTemplate t, String snake, boolean streamed) {
    Facts f = formatFacts(Zone.RAW, streamed, s.schemaStability());
    if (Boolean.FALSE.equals(s.validated())) {
      f.put("unvalidated", true);
    }
    Matrix m =
        matrix("format", (streamed ? snake + "_raw" : snake + "_snapshot") + " (raw zone)", f);
    DataFormat format = DataFormat.valueOf(m.chosen().toUpperCase(Locale.ROOT));
    List<Field> fields = new ArrayList<>(t.fields());
    List<Partition> partitioning;
    Duration retention;
    String name;
    if (streamed) {
      name = snake + "_raw";
      partitioning = List.of(new Partition(t.eventTime(), PartitionTransform.DAY));
      retention = Duration.ofDays((long) kb.number("lake.rawRetentionDays"));
      derive(
          "dataset " + name,
          "retention",
          Units.say(retention),
          "lake.rawRetentionDays: long enough to rebuild the clean zone after a bad release",
          "threshold " + Units.say(retention));
    } else {
      name = snake + "_snapshot";
      fields.add(new Field("snapshot_date", FieldType.DATE, false, "The day the export ran."));
      partitioning = List.of(new Partition("snapshot_date", PartitionTransform.IDENTITY));
      retention = history();
      derive("dataset " + name, "retention", Units.say(retention), historyFormula(), "");
    }
    derive(
        "dataset " + name,
        "partitioning",
        partitioning.get(0).field()
            + " ("
            + partitioning.get(0).transformOrIdentity().name().toLowerCase(Locale.ROOT)
            + ")",
        "partition lake data on the main query predicate, the date",
        "queries and reprocessing select whole days");
    return new Dataset(
        name,
        streamed
            ? "Events of " + s.id() + " exactly as they arrived."
            : "Daily export of "
                + s.id()
                + (s.description() == null ? "." : ": " + s.description()),
        PLATFORM_OWNER,
        streamed ? engagementId : s.id(),
        Zone.RAW,
        StoreFamily.OBJECT_STORAGE,
        format,
        null,
        null,
        fields,
        t.primaryKey(),
        t.identityKeys(),
        partitioning,
        retention,
        List.of(),
        null);
  }

  private Dataset cleanDataset(Source s, SourceTemplate t, String snake) {
    String name = snake + "_clean";
    Facts f = formatFacts(Zone.CLEAN, false, s.schemaStability());
    Matrix m = matrix("format", name + " (clean zone)", f);
    DataFormat format = DataFormat.valueOf(m.chosen().toUpperCase(Locale.ROOT));
    List<Field> fields = new ArrayList<>(t.fields());
    String dateField = dateFieldOf(t.eventTime());
    fields.add(
        new Field(
            dateField, FieldType.DATE, false, "Day of " + t.eventTime() + ", the partition."));
    Duration retention = history();
    derive("dataset " + name, "retention", Units.say(retention), historyFormula(), "");
    derive(
        "dataset " + name,
        "partitioning",
        dateField + " (identity)",
        "partition lake data on the main query predicate, the date",
        "analysts and the daily pipeline filter on the day");
    return new Dataset(
        name,
        "Deduplicated, validated events of " + s.id() + ", partitioned by day.",
        PLATFORM_OWNER,
        engagementId,
        Zone.CLEAN,
        StoreFamily.OBJECT_STORAGE,
        format,
        null,
        null,
        fields,
        t.primaryKey(),
        t.identityKeys(),
        List.of(new Partition(dateField, PartitionTransform.IDENTITY)),
        retention,
        List.of(),
        null);
  }

  /** The format of files that people download and open: an export's own, stable columns. */
  private DataFormat exportFormat(String name) {
    Facts f = formatFacts(Zone.SERVING, false, SchemaStability.STABLE).put("forPeople", true);
    Matrix m = matrix("format", name + " (an export for people)", f, Set.of(name));
    return DataFormat.valueOf(m.chosen().toUpperCase(Locale.ROOT));
  }

  private Facts formatFacts(Zone zone, boolean fromStream, SchemaStability stability) {
    return new Facts()
        .put("zone", zone.name().toLowerCase(Locale.ROOT))
        .put("analytics", zone == Zone.CLEAN || zone == Zone.CURATED, ids(NfrCategory.RETENTION))
        .put("fromStream", fromStream)
        .put(
            "schemaStability",
            stability == null ? "unknown" : stability.name().toLowerCase(Locale.ROOT));
  }

  private Duration history() {
    Optional<NonFunctionalRequirement> n = longest(NfrCategory.RETENTION);
    if (n.isPresent()) {
      Duration need = Units.duration(n.get().value(), n.get().unit()).orElseThrow();
      Duration margin = Duration.ofDays((long) kb.number("lake.historyMarginDays"));
      return Derivations.roundUpToDays(need.plus(margin));
    }
    return Duration.ofDays((long) kb.number("lake.defaultHistoryDays"));
  }

  private String historyFormula() {
    Optional<NonFunctionalRequirement> n = longest(NfrCategory.RETENTION);
    return n.isPresent()
        ? "required history ("
            + n.get().id()
            + ") + "
            + Facts.say(kb.number("lake.historyMarginDays"))
            + " days margin"
        : "lake.defaultHistoryDays (no retention requirement stated)";
  }

  private static String dateFieldOf(String eventTime) {
    String base = eventTime.replaceAll("_(time|at|ts)$", "");
    return (base.equals(eventTime) ? eventTime : base) + "_date";
  }

  // ---------------------------------------------------------------- consolidation

  /**
   * The consolidated dataset: version 2 builds it for the data need that states {@code
   * consolidateBy}, by those keys; words in the requirements only raise the question. Version 1
   * builds it when a functional requirement or the core problem speaks of consolidation.
   */
  private Optional<Dataset> consolidate() {
    Set<String> keys = new LinkedHashSet<>();
    SourceTemplate first = null;
    for (Source s : req.sources()) {
      SourceTemplate t = template(s);
      if (streamOf.containsKey(s.id()) && !t.identityKeys().isEmpty()) {
        keys.addAll(t.identityKeys());
        first = first == null ? t : first;
      }
    }
    List<String> frs = new ArrayList<>();
    for (FunctionalRequirement fr : req.requirements().functional()) {
      if (mentions(fr.text(), kb.consolidationKeywords())) {
        frs.add(fr.id());
      }
    }
    boolean asked =
        !frs.isEmpty()
            || (req.engagement() != null
                && mentions(req.engagement().coreProblem(), kb.consolidationKeywords()));
    DataNeed stated =
        needs.values().stream().filter(n -> !n.consolidateBy().isEmpty()).findFirst().orElse(null);
    if (!needs.isEmpty()) {
      if (stated == null) {
        if (asked && !keys.isEmpty()) {
          ask(
              "Consolidation",
              (frs.isEmpty() ? "The core problem" : String.join(", ", frs))
                  + " speaks of consolidating records: which data merges the records of its"
                  + " sources, and by which identity keys (e.g. "
                  + String.join(", ", keys)
                  + ")? State it as data.consolidateBy.",
              "Words in the requirements raise the question; the advisor builds a consolidated"
                  + " dataset only for data that states its identity keys.",
              engagementId);
        }
        return Optional.empty();
      }
      keys.clear();
      keys.addAll(stated.consolidateBy());
      frs = List.of();
      if (first == null) {
        first = template(req.sources().get(0));
      }
    } else if (keys.isEmpty() || !asked) {
      return Optional.empty();
    }
    List<String> inputs = new ArrayList<>();
    List<Field> fields = new ArrayList<>();
    for (String k : keys) {
      fields.add(
          new Field(k, FieldType.STRING, false, "Identity key the consolidated records share."));
    }
    fields.add(new Field("activity_date", FieldType.DATE, false, "The day the records belong to."));
    for (Source s : req.sources()) {
      String landed = landedAs.get(s.id());
      if (landed == null) {
        continue;
      }
      Dataset d = datasets.get(landed);
      if (d.fields().stream().noneMatch(fl -> keys.contains(fl.name()))) {
        List<Field> withKey = new ArrayList<>(d.fields());
        for (String k : keys) {
          withKey.add(
              new Field(
                  k,
                  FieldType.STRING,
                  true,
                  "Identity key, to consolidate with the other sources."));
        }
        datasets.put(landed, withFields(d, withKey, List.copyOf(keys)));
        ask(
            "Identity",
            "Does "
                + s.id()
                + " carry "
                + String.join(", ", keys)
                + " for each record? Consolidation matches records on it.",
            "Without the identity key its records cannot be joined to the "
                + first.entity()
                + "'s journey.",
            s.id());
      }
      inputs.add(landed);
      fields.add(
          new Field(
              Names.snake(s.id()) + "_records",
              FieldType.LONG,
              false,
              "Records of " + s.id() + " that day."));
    }
    fields.add(new Field("first_seen_at", FieldType.TIMESTAMP, false, null));
    fields.add(new Field("last_seen_at", FieldType.TIMESTAMP, false, null));
    String name = stated != null ? stated.name() : first.consolidatedName();
    List<String> pk = new ArrayList<>(keys);
    pk.add("activity_date");
    Duration retention = history();
    derive(
        "dataset " + name,
        "consolidation",
        "by " + String.join(", ", keys),
        "identity keys shared by the sources' records -> one row per "
            + first.entity()
            + " and day",
        stated != null
            ? "data " + stated.name() + ": consolidateBy " + String.join(", ", keys)
            : "identity keys of "
                + String.join(", ", inputs)
                + (frs.isEmpty() ? "" : "; asked for by " + String.join(", ", frs)));
    derive("dataset " + name, "retention", Units.say(retention), historyFormula(), "");
    derive(
        "dataset " + name,
        "partitioning",
        "activity_date (month)",
        "partition on the main query predicate, the date; monthly, since one row per "
            + first.entity()
            + " and day makes daily files small; each daily run rebuilds its whole month",
        "seasonal comparisons scan months");
    Dataset d =
        new Dataset(
            name,
            "One row per "
                + first.entity()
                + " and day: records of every source consolidated by "
                + String.join(", ", keys)
                + ".",
            PLATFORM_OWNER,
            engagementId,
            Zone.CURATED,
            StoreFamily.OBJECT_STORAGE,
            DataFormat.PARQUET,
            null,
            null,
            fields,
            pk,
            List.copyOf(keys),
            List.of(new Partition("activity_date", PartitionTransform.MONTH)),
            retention,
            List.of(),
            new Consolidation(inputs, List.copyOf(keys)));
    Facts f = formatFacts(Zone.CURATED, false, SchemaStability.STABLE);
    Matrix fm = matrix("format", name + " (curated zone)", f);
    d = withFormat(d, DataFormat.valueOf(fm.chosen().toUpperCase(Locale.ROOT)));
    datasets.put(name, d);
    ensureGroup("consolidate", "Consolidate the day's records by identity key.");
    List<String> deps =
        dailyTasks.stream().filter(x -> "extract".equals(x.group())).map(Task::id).toList();
    dailyTasks.add(
        new Task(
            "build_" + name,
            TaskKind.SPARK,
            "Merges the day's records that share "
                + String.join(", ", keys)
                + " into "
                + name
                + ".",
            "consolidate",
            "jobs/build_" + name + ".py",
            inputs,
            List.of(name),
            deps,
            null,
            List.of(),
            TaskState.NONE));
    return Optional.of(d);
  }

  private Facts lakeStoreFacts(Duration retention) {
    double writes = 0;
    for (Source s : req.sources()) {
      if (s.volume() != null && s.volume().peakOrAverage() != null) {
        writes += s.volume().peakOrAverage();
      }
    }
    return new Facts()
        .put("access", "scan")
        .put("writeEventsPerSecond", writes == 0 ? null : writes, ids(NfrCategory.THROUGHPUT))
        .put("historyDays", retention.toDays(), ids(NfrCategory.RETENTION))
        .put("schemaStability", worstStability(req.sources()))
        .put("systemOfRecord", true);
  }

  // ---------------------------------------------------------------- serving

  private void serving(Consumer c, String name, Optional<Dataset> consolidated) {
    if (name.contains(".") || !name.matches("[a-z][a-z0-9_]{0,62}")) {
      ask(
          "Data",
          c.id()
              + " reads '"
              + name
              + "', which matches no source's stream and is no valid dataset name. Which stream or dataset is meant?",
          "Every consumer's input must exist in the architecture.",
          c.id());
      return;
    }
    DataNeed need = needs.get(name);
    Source owner = need == null ? owningPullSource(name) : heldBySource(need);
    if (owner != null) {
      keepInSource(c, name, owner);
      List<Consumer> lookups =
          req.consumers().stream()
              .filter(k -> k.reads().contains(name) && k.access() == AccessPattern.KEY_LOOKUP)
              .toList();
      if (need != null && !lookups.isEmpty()) {
        Facts rf = new Facts();
        stores.facts(rf, name, need, lookups, List.of(owner), c, 0, history());
        cacheFor(lookups, datasets.get(name), rf);
      }
      return;
    }
    List<Source> feeding = new ArrayList<>();
    for (Source s : req.sources()) {
      if (need != null ? need.from().contains(s.id()) : fedBy(s, template(s)).contains(c)) {
        feeding.add(s);
      }
    }
    List<Consumer> readers =
        req.consumers().stream().filter(k -> k.reads().contains(name)).toList();
    boolean onlineReader = isOnline(c);
    boolean streamFed =
        c.freshnessOrLatency() != null
            && c.freshnessOrLatency().toSeconds() < kb.number("serving.streamFeedBelowSeconds")
            && feeding.stream().anyMatch(s -> streamOf.containsKey(s.id()));
    Facts f = new Facts();
    String access = stores.access(name, need, readers, onlineReader, f);
    double writes = 0;
    for (Source s : feeding) {
      if (s.volume() != null
          && s.volume().peakOrAverage() != null
          && (need != null || streamOf.containsKey(s.id()))) {
        writes += s.volume().peakOrAverage();
      }
    }
    boolean latest = access.equals("point-lookup");
    Duration retention =
        need != null && need.expiry() != null
            ? need.expiry()
            : latest ? Duration.ofDays((long) kb.number("serving.stateRetentionDays")) : history();
    Derivation rate =
        stores.facts(
            f, name, need, readers, feeding, c, streamFed || need != null ? writes : 0, retention);
    if (rate != null) {
      derivations.add(rate);
    }
    askForUnknowns(f, name, readers);
    Set<String> about = new LinkedHashSet<>();
    about.add(name);
    readers.forEach(k -> about.add(k.id()));
    Matrix m = matrix("store", name + " (read by " + readerIds(readers, c) + ")", f, about);
    StoreFamily store = StoreFamily.valueOf(m.chosen().toUpperCase(Locale.ROOT).replace('-', '_'));
    ExistingComponent holder = holderOf(name);
    if (holder != null) {
      store = keptOrReplaced(name, holder, m, store);
    }
    boolean lake = store == StoreFamily.OBJECT_STORAGE;
    boolean needsHa = onlineReader || !nfrs(NfrCategory.AVAILABILITY).isEmpty();
    Integer instances = null;
    if (!lake) {
      instances =
          (int)
              kb.number(
                  store == StoreFamily.WIDE_COLUMN || store == StoreFamily.DOCUMENT
                      ? "serving.instances.quorum"
                      : "serving.instances.primaryStandby");
      derive(
          "dataset " + name,
          "instances",
          String.valueOf(instances),
          "no single instance: a quorum of 3 replicas for wide-column and document stores, primary + replica otherwise",
          needsHa
              ? (onlineReader
                  ? "online consumer "
                      + c.id()
                      + " (latency "
                      + Units.say(c.freshnessOrLatency())
                      + ")"
                  : "availability requirement")
              : "avoid a single point of failure");
    }
    Source keySource =
        feeding.stream()
            .filter(s -> streamOf.containsKey(s.id()))
            .findFirst()
            .orElse(feeding.isEmpty() ? null : feeding.get(0));
    SourceTemplate t = keySource == null ? null : template(keySource);
    String key = t == null ? "entity_id" : t.key();
    String entity = t == null ? "entity" : t.entity();
    List<Field> fields = new ArrayList<>();
    List<String> pk;
    List<String> identity = List.of();
    List<Partition> partitioning = List.of();
    String description;
    switch (access) {
      case "point-lookup" -> {
        fields.add(new Field(key, FieldType.STRING, false, "Key the consumer looks up."));
        fields.add(new Field("first_seen_at", FieldType.TIMESTAMP, false, null));
        fields.add(new Field("last_seen_at", FieldType.TIMESTAMP, false, null));
        fields.add(
            new Field("events", FieldType.LONG, false, "Events seen for this " + entity + "."));
        fields.add(new Field("latest", FieldType.JSON, true, "Attributes of the latest event."));
        pk = List.of(key);
        if (t != null && t.identityKeys().contains(key)) {
          identity = List.of(key);
        }
        description =
            "The current state of each "
                + entity
                + ", for "
                + c.id()
                + "; kept up to date from the stream.";
      }
      case "relationships" -> {
        fields.add(
            new Field(
                "node_id",
                FieldType.STRING,
                false,
                "Id of a node; personal data stays in its system of record."));
        fields.add(
            new Field(
                "node_type",
                FieldType.STRING,
                false,
                "What the node is, e.g. customer, device, card."));
        fields.add(new Field("first_seen_at", FieldType.TIMESTAMP, false, null));
        fields.add(new Field("last_seen_at", FieldType.TIMESTAMP, false, null));
        pk = List.of("node_id");
        description =
            "Nodes and their relationships for "
                + c.id()
                + ", discovered as events arrive; path queries over a few hops.";
      }
      default -> {
        fields.add(new Field("report_date", FieldType.DATE, false, "The day the row reports on."));
        fields.add(
            new Field("segment", FieldType.STRING, false, "What the row is about (to confirm)."));
        fields.add(new Field("entities", FieldType.LONG, false, "Distinct identities that day."));
        fields.add(new Field("records", FieldType.LONG, false, "Records that day."));
        pk = List.of("report_date", "segment");
        if (lake) {
          partitioning = List.of(new Partition("report_date", PartitionTransform.IDENTITY));
        }
        description =
            (access.equals("scan") ? "History for " : "Figures for ")
                + c.id()
                + (c.description() == null ? "." : ": " + c.description());
      }
    }
    askOnce(Ask.COLUMNS, readers(name, c), name);
    derive(
        "dataset " + name,
        "retention",
        Units.say(retention),
        need != null && need.expiry() != null
            ? "data.expiry: an entry lives this long after its last write (a TTL)"
            : latest ? "serving.stateRetentionDays for latest-state tables" : historyFormula(),
        need != null && need.expiry() != null ? "expiry " + Units.say(need.expiry()) : "");
    Dataset d =
        new Dataset(
            name,
            description,
            Names.kebab(c.id()),
            Names.kebab(c.id()),
            lake && access.equals("scan") ? Zone.CURATED : Zone.SERVING,
            store,
            lake ? (access.equals("export") ? exportFormat(name) : DataFormat.PARQUET) : null,
            lake
                ? null
                : holder != null && holder.intentOrKeep() == Intent.KEEP
                    ? Names.snake(holder.id())
                    : name + "_db",
            instances,
            fields,
            pk,
            identity,
            partitioning,
            retention,
            List.of(),
            null);
    datasets.put(name, d);
    boolean keyLookups =
        need == null
            ? onlineReader && access.equals("point-lookup")
            : readers.stream().anyMatch(k -> k.access() == AccessPattern.KEY_LOOKUP);
    boolean cacheable = keyLookups && store != StoreFamily.OBJECT_STORAGE;
    if (need != null && need.from().isEmpty()) {
      // no source feeds it: its readers write it themselves (an application's own data)
      List<String> writers =
          readers.stream().filter(k -> Boolean.TRUE.equals(k.writes())).map(Consumer::id).toList();
      derive(
          "dataset " + name,
          "written by",
          writers.isEmpty() ? "nobody stated" : String.join(", ", writers),
          "data no source feeds is written by the consumers that own it; no pipeline loads it",
          "data.from is empty");
      if (writers.isEmpty()) {
        ask(
            "Data",
            "Who writes " + name + "? No source feeds it and no consumer says it writes.",
            "Every dataset needs a writer; the proposal has no pipeline for it.",
            name);
      }
      if (cacheable) {
        cacheFor(readers, d, f);
      }
      return;
    }
    if (streamFed && onlineFeed(c, name, feeding)) {
      if (cacheable) {
        cacheFor(readers.isEmpty() ? List.of(c) : readers, d, f);
      }
    } else {
      if (need != null && cacheable) {
        cacheFor(readers, d, f);
      }
      publish(name, consolidated, feeding);
    }
  }

  /** A pull source whose id and description name every word of the dataset, e.g. customers. */
  private Source owningPullSource(String name) {
    Set<String> wanted = stems(name);
    for (Source s : req.sources()) {
      if (Boolean.TRUE.equals(template(s).push())) {
        continue;
      }
      Set<String> have = stems(s.id() + " " + (s.description() == null ? "" : s.description()));
      if (!wanted.isEmpty() && have.containsAll(wanted)) {
        return s;
      }
    }
    return null;
  }

  /**
   * Records that a source system already holds stay there, their system of record: readers query it
   * (through a read replica), and graph nodes hold references to them rather than copies.
   */
  private void keepInSource(Consumer c, String name, Source owner) {
    SourceTemplate t = template(owner);
    boolean files =
        owner.kind() != null && !"application-database".equals(t.kind()) && !"cdc".equals(t.kind());
    Dataset d =
        new Dataset(
            name,
            "Records of "
                + owner.id()
                + " that "
                + c.id()
                + " reads where they live: "
                + owner.id()
                + " stays their system of record; reads go to a read replica so that they add no load to the primary.",
            Names.kebab(owner.id()),
            Names.kebab(owner.id()),
            Zone.SERVING,
            files ? StoreFamily.OBJECT_STORAGE : StoreFamily.RELATIONAL,
            files ? DataFormat.PARQUET : null,
            files ? null : Names.snake(owner.id()),
            files ? null : 2,
            t.fields(),
            t.primaryKey(),
            List.of(),
            List.of(),
            null,
            List.of(),
            null);
    datasets.put(name, d);
    keptInSource.add(name);
    derive(
        "dataset " + name,
        "system of record",
        owner.id(),
        "records a source system already holds stay there: no copy, no second writer",
        c.id() + " reads " + name + "; " + owner.id() + " holds them");
    assumptions.add(
        name
            + " is read from "
            + owner.id()
            + " (a read replica with primary + standby), not copied: the proposal keeps personal and master data in its system of record.");
    ask(
        "Data",
        "May "
            + c.id()
            + " read "
            + name
            + " from a read replica of "
            + owner.id()
            + ", and which of its columns may leave "
            + owner.id()
            + "?",
        "Keeping records in their system of record avoids copies of personal data; the graph and the lake hold ids.",
        owner.id());
  }

  private static String readerIds(List<Consumer> readers, Consumer fallback) {
    if (readers.isEmpty()) {
      return fallback == null ? "its readers" : fallback.id();
    }
    return String.join(", ", readers.stream().map(Consumer::id).toList());
  }

  /** The questions for the store facts that were not stated. */
  private void askForUnknowns(Facts f, String name, List<Consumer> readers) {
    for (String fact : f.unknowns().keySet()) {
      switch (fact) {
        case "access" -> askOnce(Ask.ACCESS, readers.stream().map(Consumer::id).toList(), name);
        case "systemOfRecord" -> askOnce(Ask.ROLE, List.of(name), name);
        case "rows" -> askOnce(Ask.ROWS, List.of(name), name);
        default -> {}
      }
    }
  }

  /** The existing system that holds a data need today, if any. */
  private ExistingComponent holderOf(String name) {
    if (req.engagement() == null || req.engagement().existingSystem() == null) {
      return null;
    }
    return req.engagement().existingSystem().systems().stream()
        .filter(x -> x.holds().contains(name))
        .findFirst()
        .orElse(null);
  }

  /** The store family an existing system's technology belongs to, by the knowledge's aliases. */
  private StoreFamily familyOf(String technology) {
    if (technology == null) {
      return null;
    }
    String t = technology.toLowerCase(Locale.ROOT);
    for (var o : kb.decision("store").options()) {
      if (o.id().equals(t) || o.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(t))) {
        return StoreFamily.valueOf(o.id().toUpperCase(Locale.ROOT).replace('-', '_'));
      }
    }
    return null;
  }

  /**
   * Improve mode keeps an existing system unless a requirement rules its family out (a knock-out in
   * the store matrix); it says why when it replaces one, and follows an intent to replace.
   */
  private StoreFamily keptOrReplaced(
      String name, ExistingComponent holder, Matrix m, StoreFamily best) {
    StoreFamily kept = familyOf(holder.technology());
    String element = "dataset " + name;
    if (kept == null) {
      ask(
          "Existing systems",
          "Which store family is " + holder.id() + " (" + holder.technology() + ")?",
          "The advisor keeps existing systems it can classify; it could not classify this one.",
          holder.id());
      return best;
    }
    String option = kept.name().toLowerCase(Locale.ROOT).replace('_', '-');
    if (holder.intentOrKeep() == Intent.REPLACE) {
      derive(
          element,
          "store",
          m.chosen(),
          "the problem owner intends to replace "
              + holder.id()
              + "; the matrix chooses its successor",
          holder.id() + " (" + holder.technology() + ", intent replace)");
      return best;
    }
    if (m.knockedOut(option)) {
      Knockout k =
          m.knockouts().stream().filter(x -> x.option().equals(option)).findFirst().orElseThrow();
      assumptions.add(
          name
              + " moves out of "
              + holder.id()
              + " ("
              + holder.technology()
              + "), which the engagement would keep: "
              + k.reason()
              + " The proposal uses "
              + m.name(m.chosen())
              + " instead; keep "
              + holder.id()
              + " only if that requirement is relaxed.");
      return best;
    }
    derive(
        element,
        "store",
        option,
        "improve mode keeps an existing system unless a requirement cannot be met by it",
        holder.id()
            + " ("
            + holder.technology()
            + ") holds "
            + name
            + " today"
            + (holder.intent() == null ? " (intent keep by default)" : " (intent keep)")
            + "; no knock-out rules "
            + m.name(option)
            + " out"
            + (option.equals(m.chosen())
                ? ""
                : "; on scores alone " + m.name(m.chosen()) + " would lead"));
    if (holder.intentOrKeep() == Intent.OPEN) {
      ask(
          "Existing systems",
          "Is " + holder.id() + " to be kept for " + name + ", or replaced?",
          "Its intent is open; the proposal keeps it, which needs no migration.",
          holder.id());
    }
    return kept;
  }

  /** The managed Kafka offering the platform calls for, or null when the team runs Kafka. */
  private String managedKafka() {
    if (platform.hosting() != Hosting.CLOUD
        || platform.provider() == null
        || platform.operations() == null
        || platform.operations() == Operations.SELF_MANAGED) {
      return null;
    }
    boolean serverless = platform.operations() == Operations.SERVERLESS;
    return switch (platform.provider()) {
      case AWS -> serverless ? "Amazon MSK Serverless" : "Amazon MSK";
      case AZURE -> "Azure Event Hubs (Kafka endpoint) or Confluent Cloud";
      case GCP -> "Google Cloud Managed Service for Apache Kafka or Confluent Cloud";
    };
  }

  /**
   * Version 2: data that is the system of record of exactly one database source (an application
   * database, or one read by change data capture) stays in that database.
   */
  private Source heldBySource(DataNeed need) {
    if (need.role() != DataRole.SYSTEM_OF_RECORD || need.from().size() != 1) {
      return null;
    }
    for (Source s : req.sources()) {
      boolean database = s.kind() == SourceKind.APPLICATION_DATABASE || s.kind() == SourceKind.CDC;
      if (s.id().equals(need.from().get(0)) && database) {
        return s;
      }
    }
    return null;
  }

  private boolean onlineFeed(Consumer c, String name, List<Source> feeding) {
    List<String> inputs = new ArrayList<>();
    for (Source s : feeding) {
      if (streamOf.containsKey(s.id())) {
        inputs.add(streamOf.get(s.id()));
      }
    }
    Facts f =
        new Facts()
            .put("latencySeconds", Facts.seconds(c.freshnessOrLatency()), ids(NfrCategory.LATENCY))
            .put("steps", 1)
            .put("backfill", false)
            .put("streamed", !inputs.isEmpty());
    Matrix m = matrix("orchestration", "keeping " + name + " up to date", f);
    if (!m.chosen().equals("stream-processor") || inputs.isEmpty()) {
      return false;
    }
    String id = Names.kebab(name) + "-updater";
    Duration outage = c.maxOutage() == null ? Duration.ofHours(1) : c.maxOutage();
    Duration latency =
        c.freshnessOrLatency().dividedBy(2).isZero()
            ? c.freshnessOrLatency()
            : c.freshnessOrLatency().dividedBy(2);
    consumers.add(
        new Consumer(
            id,
            "Stream processor that keeps "
                + name
                + " up to date from "
                + String.join(", ", inputs)
                + "; its state lives in "
                + name
                + ", not on the worker.",
            inputs,
            latency,
            outage));
    derive(
        "consumer " + id,
        "latency / maxOutage",
        Units.say(latency) + " / " + Units.say(outage),
        "half of "
            + c.id()
            + "'s latency budget, so that the store read fits in the rest; the same outage as "
            + c.id(),
        c.id()
            + ": latency "
            + Units.say(c.freshnessOrLatency())
            + ", maxOutage "
            + Units.say(outage));
    for (String in : inputs) {
      streamConsumers.computeIfAbsent(in, k -> new ArrayList<>()).add(id);
    }
    edges.add(new String[] {"consumer:" + id, "dataset:" + name});
    return true;
  }

  /**
   * Whether a cache belongs in front of a dataset read by key, from its readers' read latency and
   * rate, whether they write what they read, the staleness they accept (their freshness, or a
   * consistency requirement) and its store; the TTL is that staleness.
   */
  private void cacheFor(List<Consumer> readers, Dataset d, Facts storeFacts) {
    Duration staleness = null;
    List<String> consistency = new ArrayList<>();
    for (NonFunctionalRequirement n : nfrs(NfrCategory.CONSISTENCY)) {
      Optional<Duration> s = Units.duration(n.value(), n.unit());
      if (s.isPresent()) {
        consistency.add(n.id());
        staleness = staleness == null || s.get().compareTo(staleness) < 0 ? s.get() : staleness;
      }
    }
    boolean v2 = needs.containsKey(d.name());
    Duration accepted =
        readers.stream()
            .map(Consumer::freshnessOrLatency)
            .filter(x -> x != null)
            .min(Duration::compareTo)
            .orElse(null);
    if (v2 && accepted != null && (staleness == null || accepted.compareTo(staleness) < 0)) {
      staleness = accepted; // the freshness a reader accepts is the staleness a cache may have
    }
    String ids = readerIds(readers, null);
    Facts f = new Facts();
    if (v2) {
      f.put("readLatencyMs", storeFacts.get("readLatencyMs"), ids(NfrCategory.LATENCY))
          .put("readsPerSecond", storeFacts.get("readsPerSecond"), ids(NfrCategory.THROUGHPUT))
          .put("readerWrites", readers.stream().anyMatch(k -> Boolean.TRUE.equals(k.writes())))
          .put("store", d.store().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    } else {
      f.put("latencySeconds", Facts.seconds(accepted), ids(NfrCategory.LATENCY));
    }
    f.put(
            "maxStalenessSeconds",
            staleness == null ? null : staleness.toMillis() / 1000.0,
            consistency)
        .put("readers", readers.size());
    if (staleness == null) {
      askOnce(Ask.STALENESS, readers.stream().map(Consumer::id).toList(), d.name());
    }
    Set<String> about = new LinkedHashSet<>();
    about.add(d.name());
    readers.forEach(k -> about.add(k.id()));
    Matrix m = matrix("cache", d.name(), f, about);
    if (!m.chosen().equals("redis")) {
      return;
    }
    Duration ttl = Duration.ofMinutes((long) kb.number("cache.ttlMinutes"));
    if (staleness != null && (v2 || staleness.compareTo(ttl) < 0)) {
      ttl = staleness;
    }
    String name = d.name() + "_cache";
    String entity = d.primaryKey().isEmpty() ? "id" : d.primaryKey().get(0);
    caches.add(
        new Cache(
            name,
            "Recent "
                + d.name()
                + " entries for "
                + ids
                + "; a miss reads "
                + d.name()
                + ", the system of record.",
            d.name(),
            Names.snake(d.name()) + ":{" + entity + "}",
            ttl,
            CacheWritePolicy.CACHE_ASIDE));
    derive(
        "cache " + name,
        "ttl",
        Units.say(ttl),
        v2
            ? "the staleness the readers accept (their freshness, or a smaller consistency"
                + " bound); cache.ttlMinutes when neither is stated"
            : "cache.ttlMinutes, or the tolerated staleness when a consistency requirement is"
                + " smaller",
        staleness == null
            ? "no staleness bound stated"
            : "staleness bound " + Units.say(staleness));
  }

  private void publish(String name, Optional<Dataset> consolidated, List<Source> feeding) {
    List<String> inputs = new ArrayList<>();
    if (consolidated.isPresent()) {
      inputs.add(consolidated.get().name());
    } else {
      for (Source s : feeding) {
        if (landedAs.containsKey(s.id())) {
          inputs.add(landedAs.get(s.id()));
        }
      }
    }
    ensureGroup("publish", "Publish the day's figures to the serving stores.");
    List<String> deps = new ArrayList<>();
    for (Task t : dailyTasks) {
      if (!"publish".equals(t.group()) && !t.isCompensation()) {
        deps.add(t.id());
      }
    }
    if (consolidated.isPresent()) {
      deps = List.of("build_" + consolidated.get().name());
    }
    String task = "publish_" + name;
    // a dataset in the lake is written as files by a job; SQL runs only where a database holds it
    boolean lake = datasets.get(name).store() == StoreFamily.OBJECT_STORAGE;
    boolean sql =
        !lake
            && datasets.get(name).fields().stream().anyMatch(fl -> fl.name().equals("report_date"));
    dailyTasks.add(
        new Task(
            task,
            lake ? TaskKind.SPARK : TaskKind.SQL,
            lake
                ? "Computes the day's rows of " + name + " and writes the day's partition."
                : "Computes the day's rows of " + name + " and upserts them.",
            "publish",
            lake ? "jobs/publish_" + name + ".py" : "sql/publish_" + name + ".sql",
            inputs,
            List.of(name),
            deps,
            null,
            List.of(),
            TaskState.NONE));
    dailyTasks.add(
        new Task(
            "delete_partial_" + name,
            sql ? TaskKind.SQL : TaskKind.BASH,
            "Removes the rows of the failed day so that the rerun starts clean.",
            "publish",
            sql
                ? "DELETE FROM " + name + " WHERE report_date = '{{ ds }}'"
                : "scripts/remove_day.sh " + name + " \"{{ ds }}\"",
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(task),
            null));
  }

  private void finishDaily() {
    if (dailyTasks.isEmpty()) {
      return;
    }
    Duration batchLatency =
        req.consumers().stream()
            .filter(c -> !isOnline(c))
            .map(Consumer::freshnessOrLatency)
            .filter(x -> x != null)
            .min(Duration::compareTo)
            .orElse(null);
    long steps = dailyTasks.stream().filter(t -> !t.isCompensation()).count();
    Facts f =
        new Facts()
            .put("latencySeconds", Facts.seconds(batchLatency), ids(NfrCategory.FRESHNESS))
            .put("steps", steps)
            .put("backfill", true)
            .put("streamed", false);
    matrix("orchestration", "the daily batch (" + dailyId + ")", f);
    String schedule =
        batchLatency != null && batchLatency.compareTo(Duration.ofDays(1)) < 0
            ? "@hourly"
            : "@daily";
    derive(
        "pipeline " + dailyId,
        "schedule",
        schedule,
        "@daily when every batch consumer accepts a day's latency, else @hourly",
        batchLatency == null
            ? "no batch consumer states a latency"
            : "freshest batch consumer needs " + Units.say(batchLatency));
    List<String> tags = List.of(Names.snake(engagementId), "batch");
    pipelines.add(
        new Pipeline(
            dailyId,
            "Exports the batch sources, consolidates the day and publishes the serving datasets.",
            PLATFORM_OWNER,
            schedule,
            START,
            tags,
            (int) kb.number("pipeline.daily.retries"),
            Duration.ofMinutes((long) kb.number("pipeline.daily.retryDelayMinutes")),
            dailyGroups,
            dailyTasks));
  }

  /** Graph nodes hold references to records kept in their system of record (field guide). */
  private void linkGraphNodes() {
    if (keptInSource.isEmpty()) {
      return;
    }
    for (Map.Entry<String, Dataset> e : datasets.entrySet()) {
      Dataset d = e.getValue();
      if (d.store() == StoreFamily.GRAPH
          && d.fields().stream().anyMatch(f -> f.name().equals("node_id"))) {
        List<dev.blueprint.core.model.Reference> refs = new ArrayList<>(d.references());
        for (String target : keptInSource) {
          refs.add(new dev.blueprint.core.model.Reference("node_id", target, null));
        }
        e.setValue(
            new Dataset(
                d.name(),
                d.description(),
                d.owner(),
                d.domain(),
                d.zone(),
                d.store(),
                d.format(),
                d.database(),
                d.instances(),
                d.fields(),
                d.primaryKey(),
                d.identityKeys(),
                d.partitioning(),
                d.retention(),
                refs,
                d.consolidates()));
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private void ensureGroup(String id, String description) {
    if (dailyGroups.stream().noneMatch(g -> g.id().equals(id))) {
      dailyGroups.add(new TaskGroup(id, description));
    }
  }

  private Matrix matrix(String decision, String subject, Facts facts) {
    return matrix(decision, subject, facts, Set.of());
  }

  private Matrix matrix(String decision, String subject, Facts facts, Set<String> about) {
    String id = "M-" + (matrices.size() + 1);
    Matrix m = MatrixBuilder.build(kb, id, decision, subject, facts, Scope.of(req, about));
    matrices.add(m);
    return m;
  }

  private void derive(String element, String setting, String value, String formula, String inputs) {
    derivations.add(new Derivation(element, setting, value, formula, inputs));
  }

  /** The inputs of a sizing when the source states no rate: the Volumes question asks for it. */
  private static String unknownVolume(Source s) {
    return "volume of " + s.id() + " is unknown (asked as an open question)";
  }

  /** The inputs of a sizing when the source states no event size: the Volumes question asks. */
  private static String unknownEventSize(Source s) {
    return "event size of " + s.id() + " is unknown (asked as an open question)";
  }

  private void ask(String topic, String question, String why, String about) {
    questions.add(new Question(null, topic, question, why, List.of(about)));
  }

  /** The questions asked once for every consumer, dataset or source they concern. */
  private enum Ask {
    RATE,
    EVENT_SIZE,
    SCHEMA,
    COLUMNS,
    STALENESS,
    ROLE,
    ACCESS,
    ORDERING,
    ROWS
  }

  /**
   * Asks a question of this kind once, about everyone it concerns: the question is written when the
   * proposal is complete, in the place where it was first asked.
   */
  private void askOnce(Ask kind, List<String> who, String what) {
    if (!grouped.containsKey(kind)) {
      askedAt.put(kind, questions.size());
      questions.add(null);
      grouped.put(kind, new LinkedHashMap<>());
    }
    List<String> whats = grouped.get(kind).computeIfAbsent(who, k -> new ArrayList<>());
    if (!whats.contains(what)) {
      whats.add(what);
    }
  }

  /** The consumers that read a dataset, in the requirements' order; at least {@code c}. */
  private List<String> readers(String dataset, Consumer c) {
    List<String> ids =
        req.consumers().stream()
            .filter(x -> x.reads().contains(dataset))
            .map(Consumer::id)
            .toList();
    return ids.contains(c.id()) ? ids : List.of(c.id());
  }

  /** "a and b in x; c in y and z": who with what, for each group. */
  private static String pairs(Map<List<String>, List<String>> asked, String joint) {
    List<String> out = new ArrayList<>();
    asked.forEach((who, what) -> out.add(Names.list(who) + joint + Names.list(what)));
    return String.join("; ", out);
  }

  private Question question(Ask kind, Map<List<String>, List<String>> asked) {
    List<String> about = new ArrayList<>();
    List<String> whats = new ArrayList<>();
    asked.forEach(
        (who, what) -> {
          who.stream().filter(w -> !about.contains(w)).forEach(about::add);
          what.stream().filter(w -> !whats.contains(w)).forEach(whats::add);
        });
    boolean one = about.size() == 1;
    String names = Names.list(about);
    return switch (kind) {
      case RATE ->
          new Question(
              null,
              "Volumes",
              "How many events per second "
                  + (one ? "does " + names : "do " + names + " each")
                  + " send on average and at peak, and how large is one event?",
              "Partitions or shards, and the lake's size, are derived from the peak rate; without it they are guesses.",
              about);
      case EVENT_SIZE ->
          new Question(
              null,
              "Volumes",
              "How large is one event of " + (one ? "" : "each of ") + names + " (bytes)?",
              "Partitions or shards are sized for the peak bytes per second as well as the events.",
              about);
      case SCHEMA ->
          new Question(
              null,
              "Schema",
              (one
                      ? "How often does the schema of " + names + " change"
                      : "How often do the schemas of " + names + " change")
                  + ", and who announces changes?",
              "It decides the raw format (Avro for evolving schemas) and how strictly records are validated.",
              about);
      case COLUMNS ->
          new Question(
              null,
              "Data",
              (asked.size() == 1
                      ? "Which columns and grain "
                          + (one ? "does " : "do ")
                          + names
                          + " need in "
                          + Names.list(whats)
                      : "Which columns and grain does each consumer need: " + pairs(asked, " in "))
                  + "? The proposal starts from a generic schema.",
              "The serving schema, its primary key and its indexes follow from the consumer's queries.",
              about);
      case ROLE ->
          new Question(
              null,
              "Data",
              "Is "
                  + names
                  + (one ? "" : " each")
                  + " the system of record (the only copy that counts), derived from its sources,"
                  + " or a cache that may be lost? And does it expire?",
              "A key-value store such as Redis is never a system of record; ephemeral or derived"
                  + " data may live there.",
              about);
      case ACCESS ->
          new Question(
              null,
              "Access",
              "How "
                  + (asked.size() == 1
                      ? "do " + names + " read " + Names.list(whats)
                      : "does each consumer read its data: " + pairs(asked, " reading "))
                  + ": look-ups by key, range scans, analytical scans, traversals, search, or files"
                  + " for people?",
              "The access pattern decides the store family; without it the advisor assumed"
                  + " look-ups by key for online readers and reports for the others.",
              about);
      case ORDERING ->
          new Question(
              null,
              "Ordering",
              "Must the events of one key from "
                  + names
                  + " reach every consumer in the order they happened?",
              "An event bus gives no order; a stream with partition keys does.",
              about);
      case ROWS ->
          new Question(
              null,
              "Data",
              "How many rows will " + names + (one ? "" : " each") + " hold at most?",
              "Analytical scans over up to "
                  + Facts.say(kb.number("serving.reportingMaxRows"))
                  + " rows are reporting a relational database serves; beyond that they belong in"
                  + " the lake. Without the number the advisor assumed the lake.",
              about);
      case STALENESS -> {
        String age =
            " data that is up to "
                + Facts.say(kb.number("cache.ttlMinutes"))
                + " minutes old (a cache's TTL), or must every read see the latest write";
        yield new Question(
            null,
            "Consistency",
            asked.size() == 1
                ? "May " + names + " read " + Names.list(whats) + age + "?"
                : "May these consumers read" + age + ": " + pairs(asked, " reading ") + "?",
            "It decides whether a cache may sit in front of " + Names.list(whats) + ".",
            about);
      }
    };
  }

  private SourceTemplate template(Source s) {
    String kind =
        s.kind() == null ? "events" : s.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    SourceTemplate t = kb.sources().get(kind);
    if (t == null) {
      t = kb.sources().get("events");
    }
    return t;
  }

  private boolean isOnline(Consumer c) {
    return c.freshnessOrLatency() != null && c.freshnessOrLatency().compareTo(online) <= 0;
  }

  /** Online consumers are fed by push sources (when there are any); batch consumers by all. */
  private List<Consumer> fedBy(Source s, SourceTemplate t) {
    if (!needs.isEmpty()) {
      // version 2: the data's `from` and the consumers' `reads` say who is fed by whom
      List<Consumer> out = new ArrayList<>();
      for (Consumer c : req.consumers()) {
        // data kept in the source itself (its system of record) is read there, not fed from it
        boolean fed =
            c.reads().contains(s.id())
                || c.reads().contains(requested.get(s.id()))
                || c.reads().stream()
                    .map(needs::get)
                    .anyMatch(
                        n -> n != null && n.from().contains(s.id()) && heldBySource(n) == null);
        if (fed) {
          out.add(c);
        }
      }
      return out;
    }
    boolean anyPush = req.sources().stream().anyMatch(x -> Boolean.TRUE.equals(template(x).push()));
    List<Consumer> out = new ArrayList<>();
    for (Consumer c : req.consumers()) {
      boolean readsStreamsOnly =
          !c.reads().isEmpty() && c.reads().stream().allMatch(r -> r.contains("."));
      if (readsStreamsOnly) {
        if (c.reads().contains(requested.get(s.id()))) {
          out.add(c);
        }
      } else if (!isOnline(c) || !anyPush || Boolean.TRUE.equals(t.push())) {
        out.add(c);
      }
    }
    return out;
  }

  private List<NonFunctionalRequirement> nfrs(NfrCategory category) {
    return Nfrs.of(req, category);
  }

  private List<String> ids(NfrCategory category) {
    return Nfrs.ids(req, category);
  }

  private Optional<NonFunctionalRequirement> longest(NfrCategory category) {
    NonFunctionalRequirement best = null;
    Duration bestD = null;
    for (NonFunctionalRequirement n : nfrs(category)) {
      Optional<Duration> d = Units.duration(n.value(), n.unit());
      if (d.isPresent() && (bestD == null || d.get().compareTo(bestD) > 0)) {
        best = n;
        bestD = d.get();
      }
    }
    return Optional.ofNullable(best);
  }

  private static String worstStability(List<Source> sources) {
    return StorePlanner.worstStability(sources);
  }

  private static boolean mentions(String text, List<String> words) {
    if (text == null) {
      return false;
    }
    String t = text.toLowerCase(Locale.ROOT);
    return words.stream().anyMatch(w -> t.contains(w.toLowerCase(Locale.ROOT)));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private Map<String, List<String>> functionalDrivers() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Matrix m : matrices) {
      List<String> ids = new ArrayList<>();
      List<String> keywords = kb.decision(m.decision()).keywords();
      for (FunctionalRequirement fr : req.requirements().functional()) {
        if (fr.id() != null && mentions(fr.text(), keywords)) {
          ids.add(fr.id());
        }
      }
      out.put(m.id(), ids);
    }
    return out;
  }

  private static Stream withConsumers(Stream s, List<String> consumers) {
    return new Stream(
        s.name(),
        s.platform(),
        s.description(),
        s.partitions(),
        s.replication(),
        s.minInsyncReplicas(),
        s.retention(),
        s.cleanupPolicy(),
        s.key(),
        s.valueSchema(),
        s.producers(),
        consumers,
        s.config());
  }

  private static Dataset withFields(Dataset d, List<Field> fields, List<String> identity) {
    return new Dataset(
        d.name(),
        d.description(),
        d.owner(),
        d.domain(),
        d.zone(),
        d.store(),
        d.format(),
        d.database(),
        d.instances(),
        fields,
        d.primaryKey(),
        d.identityKeys().isEmpty() ? identity : d.identityKeys(),
        d.partitioning(),
        d.retention(),
        d.references(),
        d.consolidates());
  }

  private static Dataset withFormat(Dataset d, DataFormat format) {
    return new Dataset(
        d.name(),
        d.description(),
        d.owner(),
        d.domain(),
        d.zone(),
        d.store(),
        format,
        d.database(),
        d.instances(),
        d.fields(),
        d.primaryKey(),
        d.identityKeys(),
        d.partitioning(),
        d.retention(),
        d.references(),
        d.consolidates());
  }
}
