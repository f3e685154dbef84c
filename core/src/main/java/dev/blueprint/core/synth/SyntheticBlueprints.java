package dev.blueprint.core.synth;

import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.CleanupPolicy;
import dev.blueprint.core.model.Comparator;
import dev.blueprint.core.model.Consequences;
import dev.blueprint.core.model.ConsideredOption;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.DataFormat;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Decision;
import dev.blueprint.core.model.DecisionStatus;
import dev.blueprint.core.model.Engagement;
import dev.blueprint.core.model.EngagementKind;
import dev.blueprint.core.model.Field;
import dev.blueprint.core.model.FieldType;
import dev.blueprint.core.model.FunctionalRequirement;
import dev.blueprint.core.model.NfrCategory;
import dev.blueprint.core.model.NonFunctionalRequirement;
import dev.blueprint.core.model.Partition;
import dev.blueprint.core.model.PartitionTransform;
import dev.blueprint.core.model.Person;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Platform;
import dev.blueprint.core.model.Requirements;
import dev.blueprint.core.model.SchemaStability;
import dev.blueprint.core.model.Source;
import dev.blueprint.core.model.SourceKind;
import dev.blueprint.core.model.StoreFamily;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.model.Task;
import dev.blueprint.core.model.TaskGroup;
import dev.blueprint.core.model.TaskKind;
import dev.blueprint.core.model.TaskState;
import dev.blueprint.core.model.Volume;
import dev.blueprint.core.model.Zone;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes valid blueprints of any size for benchmarks and scale tests. Each pipeline comes with two
 * Kafka streams (the events it reads and the enriched records it publishes) and two datasets (a raw
 * landing dataset and a daily aggregate), so that the output of a generation grows in proportion to
 * the number of pipelines. Names are unique, follow the Airflow, Kafka and snake_case rules, and
 * carry the pipeline's number so that no two collide; field lists and descriptions vary with a
 * seeded random source, so the same size and seed always give the same blueprint.
 */
public final class SyntheticBlueprints {

  /** The largest number of pipelines a synthetic blueprint may have. */
  public static final int MAX_PIPELINES = 999_999;

  static final List<String> DOMAINS =
      List.of(
          "orders",
          "payments",
          "inventory",
          "shipping",
          "marketing",
          "customers",
          "billing",
          "support",
          "catalog",
          "pricing",
          "web",
          "mobile",
          "fraud",
          "loyalty",
          "returns",
          "warehouse");

  private static final List<String> ENTITIES =
      List.of(
          "order",
          "payment",
          "refund",
          "shipment",
          "parcel",
          "campaign",
          "click",
          "session",
          "invoice",
          "ticket",
          "product",
          "price_change",
          "stock_level",
          "device",
          "transaction",
          "coupon",
          "review",
          "return_request",
          "delivery",
          "subscription");

  private static final List<String> TEAMS =
      List.of("data-platform", "analytics-engineering", "domain-data", "reporting", "ml-platform");

  private static final List<String> SCHEDULES =
      List.of("@hourly", "@daily", "0 */6 * * *", "30 2 * * *", "*/15 * * * *");

  /** Optional fields a raw event may carry, beyond its id, key and time. */
  private static final List<Field> EVENT_FIELDS =
      List.of(
          field("customer_id", FieldType.LONG, false, "The customer the event is about."),
          field("account_id", FieldType.STRING, true, "Billing account, when known."),
          field("channel", FieldType.STRING, false, "web, mobile, store or partner."),
          field("status", FieldType.STRING, false, "Lifecycle status after the event."),
          field("amount", FieldType.DECIMAL, true, "Monetary amount in the event's currency."),
          field("currency", FieldType.STRING, true, "ISO 4217 currency code."),
          field("quantity", FieldType.INT, true, "Number of items concerned."),
          field("country_code", FieldType.STRING, true, "ISO 3166-1 alpha-2 country."),
          field("device_type", FieldType.STRING, true, "desktop, phone or tablet."),
          field("is_test", FieldType.BOOLEAN, false, "True for synthetic monitoring traffic."),
          field("payload", FieldType.JSON, true, "The source's original attributes."),
          field("source_offset", FieldType.LONG, false, "Offset in the source stream."),
          field("received_at", FieldType.TIMESTAMP, false, "When the platform received it."),
          field("correlation_id", FieldType.UUID, true, "Ties events of one business flow."));

  private SyntheticBlueprints() {}

  /**
   * A valid blueprint with {@code pipelines} pipelines, {@code 2 * pipelines} streams and {@code 2
   * * pipelines} datasets.
   *
   * @throws IllegalArgumentException when {@code pipelines} is below 1 or above {@link
   *     #MAX_PIPELINES}
   */
  public static Blueprint make(int pipelines, long seed) {
    if (pipelines < 1 || pipelines > MAX_PIPELINES) {
      throw new IllegalArgumentException(
          "the number of pipelines must be between 1 and " + MAX_PIPELINES + ", not " + pipelines);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int domainCount = Math.min(DOMAINS.size(), pipelines);
    List<String> domains = DOMAINS.subList(0, domainCount);

    List<Dataset> datasets = new ArrayList<>(2 * pipelines);
    List<Stream> streams = new ArrayList<>(2 * pipelines);
    List<Pipeline> pipelineList = new ArrayList<>(pipelines);
    Map<String, List<String>> alertReads = new LinkedHashMap<>();
    Map<String, List<String>> dashboardReads = new LinkedHashMap<>();
    for (String domain : domains) {
      alertReads.put(domain, new ArrayList<>());
      dashboardReads.put(domain, new ArrayList<>());
    }

    for (int i = 0; i < pipelines; i++) {
      Unit unit = new Unit(i, domains.get(i % domainCount), pick(random, ENTITIES));
      Dataset raw = rawDataset(unit, random);
      Dataset daily = dailyDataset(unit, random);
      datasets.add(raw);
      datasets.add(daily);
      streams.add(eventStream(unit, raw));
      streams.add(enrichedStream(unit, daily));
      pipelineList.add(pipeline(unit, raw, daily, random));
      alertReads.get(unit.domain).add(unit.enrichedStream());
      dashboardReads.get(unit.domain).add(daily.name());
    }

    List<Source> sources = new ArrayList<>();
    List<Consumer> consumers = new ArrayList<>();
    for (String domain : domains) {
      sources.add(source(domain));
      consumers.add(
          new Consumer(
              domain + "-alerting",
              "Raises alerts on the enriched " + domain + " streams within minutes.",
              alertReads.get(domain),
              Duration.ofMinutes(5),
              Duration.ofDays(3)));
      consumers.add(
          new Consumer(
              domain + "-dashboard",
              "Daily figures of the " + domain + " domain for its business owners.",
              dashboardReads.get(domain),
              Duration.ofDays(1),
              Duration.ofDays(3)));
    }

    return new Blueprint(
        1,
        engagement(pipelines),
        requirements(),
        sources,
        consumers,
        new Architecture(datasets, streams, pipelineList, List.of(), decisions()));
  }

  /** The names of one pipeline and what belongs to it. */
  private record Unit(int index, String domain, String entity) {
    String number() {
      return String.format(Locale.ROOT, "%06d", index + 1);
    }

    String pipelineId() {
      return domain + "_" + entity + "_" + number();
    }

    String rawDataset() {
      return domain + "_" + entity + "_" + number() + "_raw";
    }

    String dailyDataset() {
      return domain + "_" + entity + "_" + number() + "_daily";
    }

    String topicStem() {
      return domain + "." + entity.replace('_', '-') + "-" + number();
    }

    String eventStream() {
      return topicStem() + ".events.v1";
    }

    String enrichedStream() {
      return topicStem() + ".enriched.v1";
    }

    String key() {
      return entity + "_id";
    }

    String words() {
      return entity.replace('_', ' ');
    }
  }

  private static Dataset rawDataset(Unit unit, SplittableRandom random) {
    List<Field> fields = new ArrayList<>();
    fields.add(field("event_id", FieldType.UUID, false, "Unique id assigned by the producer."));
    fields.add(field(unit.key(), FieldType.LONG, false, "The " + unit.words() + " concerned."));
    fields.add(
        field(
            "event_type",
            FieldType.STRING,
            false,
            "created, updated or deleted, as the source reported it."));
    List<Field> optional = new ArrayList<>(EVENT_FIELDS);
    int extra = 4 + random.nextInt(6);
    for (int k = 0; k < extra; k++) {
      fields.add(optional.remove(random.nextInt(optional.size())));
    }
    fields.add(field("event_time", FieldType.TIMESTAMP, false, "When the event happened."));
    return new Dataset(
        unit.rawDataset(),
        "Every "
            + unit.words()
            + " event of the "
            + unit.domain()
            + " domain exactly as the producer sent it, kept for replays.",
        "data-platform",
        unit.domain(),
        Zone.RAW,
        StoreFamily.OBJECT_STORAGE,
        DataFormat.AVRO,
        null,
        null,
        fields,
        List.of("event_id"),
        List.of(),
        List.of(new Partition("event_time", PartitionTransform.DAY)),
        Duration.ofDays(30 + 10 * random.nextInt(7)),
        List.of(),
        null);
  }

  private static Dataset dailyDataset(Unit unit, SplittableRandom random) {
    List<Field> fields = new ArrayList<>();
    fields.add(field("event_date", FieldType.DATE, false, "The day aggregated."));
    fields.add(field(unit.key(), FieldType.LONG, false, "The " + unit.words() + " concerned."));
    fields.add(field("events", FieldType.LONG, false, "Events received that day."));
    fields.add(field("first_seen_at", FieldType.TIMESTAMP, false, "Earliest event time."));
    fields.add(field("last_seen_at", FieldType.TIMESTAMP, false, "Latest event time."));
    if (random.nextBoolean()) {
      fields.add(field("total_amount", FieldType.DECIMAL, true, "Sum of the amounts."));
    }
    if (random.nextBoolean()) {
      fields.add(field("last_status", FieldType.STRING, true, "Status after the last event."));
    }
    String description =
        "One row per "
            + unit.words()
            + " and day with counts and totals, read by the "
            + unit.domain()
            + " dashboard.";
    List<String> key = List.of("event_date", unit.key());
    Duration retention = Duration.ofDays(400 + 30 * random.nextInt(12));
    if (unit.index() % 2 == 0) {
      return new Dataset(
          unit.dailyDataset(),
          description,
          "analytics-engineering",
          unit.domain(),
          Zone.SERVING,
          StoreFamily.RELATIONAL,
          null,
          unit.domain() + "_reporting",
          2,
          fields,
          key,
          List.of(),
          List.of(),
          retention,
          List.of(),
          null);
    }
    return new Dataset(
        unit.dailyDataset(),
        description,
        "analytics-engineering",
        unit.domain(),
        Zone.CURATED,
        StoreFamily.OBJECT_STORAGE,
        DataFormat.PARQUET,
        null,
        null,
        fields,
        key,
        List.of(),
        List.of(new Partition("event_date", PartitionTransform.MONTH)),
        retention,
        List.of(),
        null);
  }

  private static Stream eventStream(Unit unit, Dataset raw) {
    return new Stream(
        unit.eventStream(),
        Platform.KAFKA,
        "Every "
            + unit.words()
            + " event of the "
            + unit.domain()
            + " domain, keyed by "
            + unit.key()
            + " so that the events of one "
            + unit.words()
            + " stay in order.",
        6,
        3,
        2,
        Duration.ofDays(7),
        CleanupPolicy.DELETE,
        unit.key(),
        raw.name(),
        List.of(unit.domain() + "-service"),
        List.of(unit.pipelineId()),
        Map.of("compression.type", "zstd"));
  }

  private static Stream enrichedStream(Unit unit, Dataset daily) {
    return new Stream(
        unit.enrichedStream(),
        Platform.KAFKA,
        "Daily " + unit.words() + " figures published for alerting as soon as they are computed.",
        3,
        3,
        2,
        Duration.ofDays(7),
        CleanupPolicy.DELETE,
        unit.key(),
        daily.name(),
        List.of(unit.pipelineId()),
        List.of(unit.domain() + "-alerting"),
        Map.of("compression.type", "zstd"));
  }

  private static Pipeline pipeline(Unit unit, Dataset raw, Dataset daily, SplittableRandom random) {
    boolean grouped = unit.index() % 3 == 0;
    String group = grouped ? "aggregate" : null;
    List<Task> tasks =
        List.of(
            new Task(
                "land_events",
                TaskKind.SPARK,
                "Reads new events of " + unit.eventStream() + " and appends them to the raw zone.",
                null,
                "jobs/land_events.py --topic " + unit.eventStream(),
                List.of(unit.eventStream()),
                List.of(raw.name()),
                List.of(),
                null,
                List.of(),
                TaskState.STORE),
            new Task(
                "aggregate_daily",
                TaskKind.SQL,
                "Counts and sums the day's events per " + unit.words() + ".",
                group,
                "sql/" + unit.pipelineId() + "/aggregate_daily.sql",
                List.of(raw.name()),
                List.of(daily.name()),
                List.of("land_events"),
                null,
                List.of(),
                TaskState.NONE),
            new Task(
                "publish_enriched",
                TaskKind.PYTHON,
                "Publishes the day's figures to " + unit.enrichedStream() + ".",
                group,
                "jobs.publish.publish_daily",
                List.of(daily.name()),
                List.of(unit.enrichedStream()),
                List.of("aggregate_daily"),
                null,
                List.of(),
                TaskState.NONE),
            new Task(
                "remove_partial_day",
                TaskKind.BASH,
                "Deletes the partial day so that the rerun starts clean.",
                null,
                "scripts/remove_partition.sh " + daily.name() + " \"{{ ds }}\"",
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of("aggregate_daily", "publish_enriched"),
                TaskState.NONE));
    return new Pipeline(
        unit.pipelineId(),
        "Lands the "
            + unit.words()
            + " events of the "
            + unit.domain()
            + " domain, aggregates them per day and publishes the figures.",
        pick(random, TEAMS),
        pick(random, SCHEDULES),
        LocalDate.of(2026, 1, 1).plusDays(random.nextInt(60)),
        List.of(unit.domain(), "synthetic"),
        1 + random.nextInt(3),
        Duration.ofMinutes(5L * (1 + random.nextInt(3))),
        grouped ? List.of(new TaskGroup("aggregate", "Aggregate and publish the day.")) : List.of(),
        tasks);
  }

  private static Source source(String domain) {
    return new Source(
        domain + "-service",
        SourceKind.EVENTS,
        "The " + domain + " service publishes an event for every change of its records.",
        new Volume(200.0, 1500.0, 900L, null),
        SchemaStability.EVOLVING);
  }

  private static Engagement engagement(int pipelines) {
    return new Engagement(
        "synthetic-" + pipelines + "-pipelines",
        "Synthetic platform with " + pipelines + " pipelines",
        EngagementKind.BUILD_NEW,
        new Person("Alex Example", "Head of Data", "alex@example.com"),
        List.of(new Person("Sam Example", "Data engineering lead", "sam@example.com")),
        null,
        "Every domain team runs its own exports and nobody can compare figures across domains.",
        "Land every domain's events once, aggregate them per day in one place and publish the"
            + " figures to the teams that alert on them.");
  }

  private static Requirements requirements() {
    return new Requirements(
        List.of(
            new FunctionalRequirement("FR-1", "Land every domain event in the lake, unsampled."),
            new FunctionalRequirement("FR-2", "Aggregate each entity's events per day."),
            new FunctionalRequirement("FR-3", "Publish the daily figures to alerting.")),
        List.of(
            new NonFunctionalRequirement(
                "NFR-1",
                "Daily figures are ready early in the morning.",
                NfrCategory.FRESHNESS,
                "age of the daily figures at 06:00 UTC",
                Comparator.LE,
                6.0,
                "h",
                "every daily dataset",
                "every calendar day"),
            new NonFunctionalRequirement(
                "NFR-2",
                "A consumer outage of a long weekend loses no events.",
                NfrCategory.DURABILITY,
                "tolerated consumer outage without data loss",
                Comparator.GE,
                3.0,
                "days",
                "every consumer of an event stream",
                "at all times")));
  }

  private static List<Decision> decisions() {
    return List.of(
        new Decision(
            "ADR-001",
            "Kafka for every domain event stream",
            DecisionStatus.ACCEPTED,
            LocalDate.of(2026, 1, 15),
            List.of("Alex Example", "Sam Example"),
            "Domain services emit events that several readers consume, some of which may be"
                + " down over a long weekend.",
            List.of("NFR-2", "FR-1"),
            List.of(
                new ConsideredOption(
                    "Kafka",
                    null,
                    List.of("Retention outlives a three-day outage", "Order per key"),
                    List.of("A cluster to operate")),
                new ConsideredOption(
                    "Event bus",
                    null,
                    List.of("Simple routing"),
                    List.of("Keeps no stream, so a reader that is down loses events"))),
            "Kafka",
            "Only Kafka keeps a replayable stream long enough for the tolerated outage.",
            new Consequences(
                List.of("Readers can be down for up to 7 days without loss"),
                List.of("The team operates a three-broker cluster")),
            "Every topic plan shows replication 3, min.insync.replicas 2 and 7 days retention."));
  }

  private static Field field(String name, FieldType type, boolean nullable, String description) {
    return new Field(name, type, nullable, description);
  }

  private static <T> T pick(SplittableRandom random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
