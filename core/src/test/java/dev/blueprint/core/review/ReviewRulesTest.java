package dev.blueprint.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.review.rules.AnalyticsFormatRule;
import dev.blueprint.core.review.rules.AvailabilityRule;
import dev.blueprint.core.review.rules.CacheAsRecordRule;
import dev.blueprint.core.review.rules.LocalStateRule;
import dev.blueprint.core.review.rules.MissingTradeOffRule;
import dev.blueprint.core.review.rules.NoRetentionFallbackRule;
import dev.blueprint.core.review.rules.ReadLatencyRule;
import dev.blueprint.core.review.rules.RetentionBelowOutageRule;
import dev.blueprint.core.review.rules.SharedDatabaseRule;
import dev.blueprint.core.review.rules.SharedWriterRule;
import dev.blueprint.core.review.rules.SingleInstanceStoreRule;
import dev.blueprint.core.review.rules.StreamReplicationRule;
import dev.blueprint.core.review.rules.ThroughputRule;
import dev.blueprint.core.review.rules.UndersizedKafkaTopicRule;
import dev.blueprint.core.review.rules.UnmetRequirementRule;
import dev.blueprint.core.review.rules.UntracedRequirementRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One failing and one passing case per review rule. */
class ReviewRulesTest {

  private static List<Finding> run(ReviewRule rule, String yaml) {
    return check(rule, Yaml.blueprint(yaml));
  }

  private static List<Finding> check(ReviewRule rule, Blueprint bp) {
    List<Finding> findings = rule.check(bp);
    findings.forEach(f -> assertEquals(rule.id(), f.ruleId()));
    findings.forEach(f -> assertEquals(rule.severity(), f.severity()));
    return findings;
  }

  private static void assertOne(List<Finding> findings, String element, String whyPart) {
    assertEquals(1, findings.size(), findings.toString());
    assertEquals(element, findings.get(0).element());
    assertTrue(findings.get(0).why().contains(whyPart), findings.get(0).why());
    assertTrue(!findings.get(0).fix().isBlank());
  }

  private static String stream(String settings) {
    return "architecture:\n  streams:\n    - {name: t1, " + settings + "}\n";
  }

  @Test
  void aKafkaTopicWithTooFewPartitionsForThePeakCannotScaleOut() {
    // 6,000 events/s of 1,200 bytes at peak: the advisor sizes 8 partitions (7.2 MB/s at 1 MB/s
    // each); one partition passed review silently before.
    var rule = new UndersizedKafkaTopicRule();
    String peak =
        "sources:\n  - {id: s1, kind: clickstream, volume: {eventsPerSecond: 1500,"
            + " peakEventsPerSecond: 6000, eventBytes: 1200}}\n"
            + stream("platform: kafka, partitions: %d, producers: [s1]");
    assertOne(run(rule, peak.formatted(1)), "stream t1", "1 partition");
    assertTrue(
        run(rule, peak.formatted(1)).get(0).why().contains("7,200,000 bytes/s"),
        run(rule, peak.formatted(1)).toString());
    assertTrue(run(rule, peak.formatted(7)).get(0).fix().contains("at least 8 partitions"));
    assertEquals(List.of(), run(rule, peak.formatted(8)));
    assertEquals(List.of(), run(rule, peak.formatted(12)));
    // no volume, no partitions or another platform: nothing to compare
    assertEquals(List.of(), run(rule, stream("platform: kafka, partitions: 1")));
    assertEquals(List.of(), run(rule, peak.replace("partitions: %d, ", "").replace("%d", "1")));
    assertEquals(List.of(), run(rule, peak.replace("kafka", "kinesis").formatted(8)));
  }

  private static final String LATENCY_NFR =
      "requirements:\n  nonFunctional:\n    - {id: N1, category: latency, metric: p99 read"
          + " latency, comparator: '<', value: %s, unit: ms, scope: app reads at peak,"
          + " timeFrame: any 5 minutes, about: [%s]}\n";

  @Test
  void aReadLatencyTargetBelowTheStoresFloorCannotBeMet() {
    var rule = new ReadLatencyRule();
    String reads =
        "consumers:\n  - {id: app, reads: [d1], access: key-lookup,"
            + " readLatency: {percentile: 99, value: %s}}\n"
            + "architecture:\n  datasets:\n    - {name: d1, store: relational, instances: 2}\n";
    // a relational store answers in about 10 ms: 5 ms is out of reach, 20 ms is fine
    assertOne(run(rule, reads.formatted("5ms")), "consumer app", "relational store");
    assertTrue(run(rule, reads.formatted("5ms")).get(0).fix().contains("Put a cache in front"));
    assertEquals(List.of(), run(rule, reads.formatted("20ms")));
    // a cache in front lowers the floor for key look-ups to about 1 ms
    String cache = "  caches:\n    - {name: c1, caches: d1, keyPattern: 'k:{id}', ttl: 5m}\n";
    assertEquals(List.of(), run(rule, reads.formatted("5ms") + cache));
    assertOne(
        run(rule, reads.replace("key-lookup", "range-scan").formatted("5ms") + cache),
        "consumer app",
        "relational store");
    // the same through a SMART requirement about the consumer or the dataset
    String nfr = LATENCY_NFR + reads.formatted("1s");
    assertOne(run(rule, nfr.formatted("5", "app")), "requirement N1", "dataset d1");
    assertOne(run(rule, nfr.formatted("5", "d1")), "requirement N1", "about 10ms");
    assertEquals(List.of(), run(rule, nfr.formatted("50", "d1")));
    // a vague requirement drives nothing
    assertEquals(
        List.of(), run(rule, nfr.formatted("5", "app").replace(" metric: p99 read latency,", "")));
    // object storage: about 100 ms a request, seconds for a scan
    String lake =
        LATENCY_NFR
            + "consumers:\n  - {id: bi, reads: [d2], access: analytical-scan}\n"
            + "architecture:\n  datasets:\n    - {name: d2, store: object-storage}\n";
    assertOne(run(rule, lake.formatted("500", "bi")), "requirement N1", "scanned");
    assertOne(run(rule, lake.formatted("50", "d2")), "requirement N1", "about 100ms");
    assertEquals(List.of(), run(rule, lake.formatted("200", "d2")));
  }

  private static final String AVAILABILITY_NFR =
      "requirements:\n  nonFunctional:\n    - {id: N1, category: availability, metric: share of"
          + " successful reads, comparator: '>=', value: %s, unit: '%%', scope: app reads,"
          + " timeFrame: per calendar month, about: [%s]}\n";

  @Test
  void anAvailabilityTargetAboveWhatTheCapacityGivesIsUnmet() {
    var rule = new AvailabilityRule();
    String store =
        AVAILABILITY_NFR
            + "consumers:\n  - {id: app, reads: [d1]}\n"
            + "architecture:\n  datasets:\n    - {name: d1, store: relational, instances: %s}\n";
    assertOne(run(rule, store.formatted("99.9", "app", "1")), "requirement N1", "one instance");
    assertOne(run(rule, store.formatted("99.9", "", "1")), "requirement N1", "dataset d1");
    assertEquals(List.of(), run(rule, store.formatted("99.9", "d1", "2")));
    assertEquals(List.of(), run(rule, store.formatted("99.5", "d1", "1")));
    // a vague requirement drives nothing
    assertEquals(
        List.of(),
        run(
            rule,
            store.formatted("99.9", "d1", "1").replace(" timeFrame: per calendar month,", "")));
    String topic =
        AVAILABILITY_NFR
            + "sources:\n  - {id: s1, kind: events}\n"
            + stream("platform: kafka, partitions: 6, replication: %s, producers: [s1]");
    assertOne(run(rule, topic.formatted("99.9", "s1", "1")), "requirement N1", "stream t1");
    assertEquals(List.of(), run(rule, topic.formatted("99.9", "s1", "3")));
    // an existing system the proposal keeps
    assertOne(
        keeping(rule, "{nodes: 1, replicas: 1}", "99.9", "orders"),
        "requirement N1",
        "existing system orders-db");
    assertEquals(List.of(), keeping(rule, "{nodes: 1, replicas: 1}, intent: replace", "99.9", ""));
    assertEquals(List.of(), keeping(rule, "{nodes: 2, replicas: 2}", "99.9", ""));
    // 99.95 % and above needs two zones when zones is stated
    assertOne(
        keeping(rule, "{nodes: 2, replicas: 2, zones: 1}", "99.95", ""),
        "requirement N1",
        "at least 2 zones");
    assertEquals(List.of(), keeping(rule, "{nodes: 2, replicas: 2, zones: 2}", "99.95", ""));
  }

  /** An availability requirement over an existing database that holds the orders. */
  private static List<Finding> keeping(
      ReviewRule rule, String capacity, String target, String about) {
    return check(
        rule,
        Yaml.parse(
            "blueprint: 2\nengagement:\n  id: t\n  title: T\n  kind: improve-existing\n"
                + "  existingSystem:\n    systems:\n      - {id: orders-db, technology:"
                + " postgresql, holds: [orders], capacity: "
                + capacity
                + "}\n"
                + AVAILABILITY_NFR.formatted(target, about)
                + "data:\n  - {name: orders, role: system-of-record}\n"
                + "architecture:\n  datasets:\n    - {name: orders, store: relational,"
                + " instances: 2}\n"));
  }

  @Test
  void aThroughputTargetAboveWhatThePartitionsCarryIsUnmet() {
    var rule = new ThroughputRule();
    String yaml =
        "requirements:\n  nonFunctional:\n    - {id: N1, category: throughput, metric: events"
            + " ingested, comparator: '>=', value: 12000, unit: events/s, scope: all sources at"
            + " peak, timeFrame: any 1-minute window, about: [%s]}\n"
            + "sources:\n  - {id: s1, kind: events}\n"
            + stream("platform: %s, partitions: %d, replication: 3, producers: [s1]");
    // a Kafka partition is sized for 1,000 events/s, a Kinesis shard takes 1,000 records/s
    assertOne(run(rule, yaml.formatted("s1", "kafka", 6)), "requirement N1", "6 partitions");
    assertTrue(
        run(rule, yaml.formatted("t1", "kafka", 6))
            .get(0)
            .fix()
            .contains("at least 12 partitions"));
    assertEquals(List.of(), run(rule, yaml.formatted("s1", "kafka", 12)));
    assertOne(run(rule, yaml.formatted("t1", "kinesis", 4)), "requirement N1", "4 shards");
    assertEquals(List.of(), run(rule, yaml.formatted("t1", "kinesis", 12)));
    // about nothing, or vague: nothing to compare
    assertEquals(List.of(), run(rule, yaml.formatted("", "kafka", 6)));
    assertEquals(
        List.of(),
        run(rule, yaml.formatted("s1", "kafka", 6).replace(" scope: all sources at peak,", "")));
  }

  @Test
  void replicationBelowThreeOrMinIsrBelowTwoIsASinglePointOfFailure() {
    var rule = new StreamReplicationRule();
    assertOne(
        run(rule, stream("platform: kafka, replication: 2, minInsyncReplicas: 1")),
        "stream t1",
        "replication 2");
    assertOne(run(rule, stream("platform: kafka")), "stream t1", "broker default is 1");
    assertOne(
        run(rule, stream("replication: 3, minInsyncReplicas: 3")),
        "stream t1",
        "equals the replication factor");
    assertEquals(List.of(), run(rule, stream("replication: 3, minInsyncReplicas: 2")));
    assertEquals(List.of(), run(rule, stream("platform: kinesis, partitions: 2")));
  }

  private static final String SERVING =
      "architecture:\n  datasets:\n    - {name: d1, store: relational, instances: %s}\n";

  @Test
  void singleInstanceStoreForOnlineDataIsASinglePointOfFailure() {
    var rule = new SingleInstanceStoreRule();
    String online = "consumers:\n  - {id: app, reads: [d1], freshness: 5s}\n";
    assertOne(run(rule, online + SERVING.formatted("1")), "dataset d1", "online consumer app");
    assertEquals(List.of(), run(rule, online + SERVING.formatted("2")));
    String batch = "consumers:\n  - {id: bi, reads: [d1], freshness: 1d}\n";
    assertEquals(List.of(), run(rule, batch + SERVING.formatted("1")));
    String availability =
        "requirements:\n  nonFunctional:\n    - {id: N1, text: up, category: availability}\n";
    assertOne(
        run(rule, availability + SERVING.formatted("1")), "dataset d1", "ask for availability");
    String cached =
        SERVING.formatted("1")
            + "  caches:\n    - {name: c1, caches: d1, keyPattern: 'k:{id}', ttl: 5m}\n";
    assertOne(run(rule, cached), "dataset d1", "cache serves it");
  }

  @Test
  void consumerOnAnEventBusHasNoRetentionToFallBackOn() {
    var rule = new NoRetentionFallbackRule();
    String c = "consumers:\n  - {id: app, reads: [t1], maxOutage: 1h}\n";
    // the generated CloudFormation queues a bus's events per consumer for 14 days: an outage
    // shorter than that loses nothing, a longer one does
    assertEquals(List.of(), run(rule, c + stream("platform: event-bus")));
    assertOne(
        run(rule, c.replace("1h", "15d") + stream("platform: event-bus")),
        "consumer app",
        "keeps no records");
    assertOne(
        run(rule, c + stream("platform: kafka, retention: 0s")), "consumer app", "retention 0");
    assertEquals(List.of(), run(rule, c + stream("platform: kafka, retention: 7d")));
  }

  @Test
  void retentionShorterThanTheToleratedOutageLosesRecords() {
    var rule = new RetentionBelowOutageRule();
    String c = "consumers:\n  - {id: app, reads: [t1], maxOutage: 3d}\n";
    assertOne(run(rule, c + stream("retention: 2d")), "stream t1", "3d outage");
    assertOne(run(rule, c + stream("retention: 3d")), "stream t1", "does not exceed");
    assertEquals(List.of(), run(rule, c + stream("retention: 7d")));
    // the platform default counts when none is written: Kinesis keeps 24 hours
    assertOne(run(rule, c + stream("platform: kinesis")), "stream t1", "platform default");
    assertOne(
        run(rule, stream("platform: kinesis, retention: 730d")), "stream t1", "at most 365 days");
  }

  @Test
  void cacheIsNeverTheSystemOfRecord() {
    var rule = new CacheAsRecordRule();
    String ds = "architecture:\n  datasets:\n    - {name: d1, store: wide-column}\n  caches:\n";
    assertOne(run(rule, ds + "    - {name: c1, ttl: 5m}\n"), "cache c1", "names no dataset");
    assertOne(run(rule, ds + "    - {name: c1, caches: nope}\n"), "cache c1", "no dataset");
    assertOne(
        run(rule, ds + "    - {name: c1, caches: d1, writePolicy: write-behind}\n"),
        "cache c1",
        "write-behind");
    assertEquals(
        List.of(), run(rule, ds + "    - {name: c1, caches: d1, writePolicy: cache-aside}\n"));
  }

  private static final String TWO_PIPELINES =
      "architecture:\n  datasets:\n    - {name: d1}\n  pipelines:\n"
          + "    - {id: p1, tasks: [{id: a, outputs: [d1]}]}\n"
          + "    - {id: p2, tasks: [{id: b, outputs: [%s]}]}\n";

  @Test
  void twoPipelinesWritingOneDatasetAreNotIsolated() {
    var rule = new SharedWriterRule();
    assertOne(run(rule, TWO_PIPELINES.formatted("d1")), "dataset d1", "p1, p2");
    assertEquals(List.of(), run(rule, TWO_PIPELINES.formatted("d2")));
  }

  @Test
  void oneDatabaseSharedAcrossDomainsIsNotIsolated() {
    var rule = new SharedDatabaseRule();
    String yaml =
        "architecture:\n  datasets:\n    - {name: a, domain: orders, database: db1}\n"
            + "    - {name: b, domain: %s, database: db1}\n";
    assertOne(run(rule, yaml.formatted("marketing")), "database db1", "marketing, orders");
    assertEquals(List.of(), run(rule, yaml.formatted("orders")));
  }

  @Test
  void stepsThatKeepLocalStateAreNotStateless() {
    var rule = new LocalStateRule();
    String yaml =
        "architecture:\n  pipelines:\n    - id: p1\n      groups: [{id: g}]\n"
            + "      tasks: [{id: a, group: g, state: %s}]\n";
    assertOne(run(rule, yaml.formatted("local")), "pipeline p1 task g.a", "worker's disk");
    assertEquals(List.of(), run(rule, yaml.formatted("store")));
  }

  @Test
  void aDecisionWithoutADownsideHidesItsTradeOff() {
    var rule = new MissingTradeOffRule();
    String yaml = "architecture:\n  decisions:\n    - {id: ADR-001, title: x%s}\n";
    assertOne(run(rule, yaml.formatted("")), "decision ADR-001", "no bad consequence");
    assertOne(
        run(rule, yaml.formatted(", consequences: {good: [fast]}")),
        "decision ADR-001",
        "no bad consequence");
    assertEquals(List.of(), run(rule, yaml.formatted(", consequences: {bad: [costly]}")));
  }

  @Test
  void analyticsZonesAreNotCsvOrJson() {
    var rule = new AnalyticsFormatRule();
    String yaml = "architecture:\n  datasets:\n    - {name: d1, zone: %s, format: %s}\n";
    assertOne(run(rule, yaml.formatted("curated", "csv")), "dataset d1", "cannot be split");
    assertOne(run(rule, yaml.formatted("clean", "json")), "dataset d1", "stored as json");
    assertEquals(List.of(), run(rule, yaml.formatted("raw", "json")));
    assertEquals(List.of(), run(rule, yaml.formatted("curated", "parquet")));
  }

  @Test
  void requirementsThatNoComponentMeetsAreFound() {
    var rule = new UnmetRequirementRule();
    assertOne(
        run(rule, "consumers:\n  - {id: bi, reads: [missing]}\n" + stream("retention: 7d")),
        "consumer bi",
        "'missing'");
    String history =
        "requirements:\n  nonFunctional:\n    - {id: N1, category: retention, comparator: '>=',"
            + " value: 730, unit: days}\n"
            + "architecture:\n  datasets:\n    - {name: d1, retention: %s}\n";
    assertOne(run(rule, history.formatted("400d")), "requirement N1", "730d of history");
    assertEquals(List.of(), run(rule, history.formatted("760d")));
    String replay =
        "requirements:\n  nonFunctional:\n    - {id: N1, category: replay, comparator: '>=',"
            + " value: 2, unit: years}\n";
    assertOne(run(rule, replay + stream("retention: 365d")), "requirement N1", "replay window");
    assertEquals(List.of(), run(rule, replay + stream("retention: 730d")));
    String outage =
        "requirements:\n  nonFunctional:\n    - {id: N1, category: durability, comparator: '>=',"
            + " value: 3, unit: days}\n";
    assertOne(run(rule, outage + stream("retention: 2d")), "stream t1", "outage of 3d");
    String kinesis =
        "sources:\n  - {id: s1, kind: iot, volume: {eventsPerSecond: 2500, eventBytes: 100}}\n"
            + stream("platform: kinesis, retention: 7d, partitions: %d, producers: [s1]");
    assertOne(run(rule, kinesis.formatted(2)), "stream t1", "throttled");
    assertEquals(List.of(), run(rule, kinesis.formatted(3)));
    String fresh =
        "consumers:\n  - {id: app, reads: [d1], freshness: 5m}\n"
            + "architecture:\n  datasets:\n    - {name: d1}\n  pipelines:\n"
            + "    - {id: p1, schedule: '%s', tasks: [{id: a, outputs: [d1]}]}\n";
    assertOne(run(rule, fresh.formatted("@daily")), "consumer app", "writes it only @daily");
    assertEquals(List.of(), run(rule, fresh.formatted("*/5 * * * *")));
  }

  @Test
  void requirementsThatDriveNoDecisionAreUntraced() {
    var rule = new UntracedRequirementRule();
    String yaml =
        "requirements:\n  functional:\n    - {id: FR-1, text: a}\n    - {id: FR-2, text: b}\n"
            + "architecture:\n  decisions:\n    - {id: ADR-001, drivers: [FR-1]}\n";
    assertOne(run(rule, yaml), "requirement FR-2", "no decision record");
  }

  @Test
  void reviewerSortsWorstFirstAndThresholdsWork() {
    Blueprint bp =
        Yaml.blueprint(
            "architecture:\n  decisions:\n    - {id: ADR-001}\n"
                + stream("replication: 1").substring("architecture:\n".length()));
    List<Finding> findings = Reviewer.review(bp);
    assertEquals(Risk.HIGH, findings.get(0).severity());
    assertEquals(Risk.MEDIUM, findings.get(findings.size() - 1).severity());
    assertTrue(Reviewer.failsAt(findings, Risk.HIGH));
    assertTrue(Risk.MEDIUM.isAtLeast(Risk.LOW));
    assertTrue(!Risk.LOW.isAtLeast(Risk.MEDIUM));
    assertEquals(16, Reviewer.rules().size());
  }
}
