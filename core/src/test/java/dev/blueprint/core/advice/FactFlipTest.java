package dev.blueprint.core.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.validate.Validator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * One deciding fact flipped at a time: the choice changes, and the report says why in terms of that
 * fact (a knock-out, a criterion's reason, or the derivation that keeps an existing system).
 * Everything else in the requirements stays the same.
 */
class FactFlipTest {

  /** A cloud engagement: one source, one data need read by key, one subscriber of the events. */
  static final String BASE =
      """
      blueprint: 2
      engagement: {id: flip, title: Flip, kind: build-new, problemOwner: {name: Ana Silva}, businessProblem: Data is slow.}
      platform: {hosting: cloud, provider: aws, operations: managed}
      requirements:
        functional: [{id: FR-1, text: Serve the items.}]
      sources:
        - {id: app, kind: events, volume: {eventsPerSecond: 50, peakEventsPerSecond: 100, eventBytes: 500}, schemaStability: stable, orderPerKey: true, validated: true}
      data:
        - {name: items, from: [app], role: system-of-record, rows: 1000000, shape: fixed}
      consumers:
        - {id: web, reads: [items], access: key-lookup, peakReadsPerSecond: 200, readLatency: {percentile: 99, value: 50ms}, freshness: 1m, maxOutage: 1h}
        - {id: feed, reads: [app], access: event-subscription, freshness: 10s, maxOutage: 1h}
      """;

  static final String LOOKUP =
      "access: key-lookup, peakReadsPerSecond: 200, readLatency: {percentile: 99, value: 50ms}";

  static Advice advise(String yaml) throws Exception {
    Blueprint b =
        Validator.loadValid("flip.yaml", yaml.getBytes(StandardCharsets.UTF_8)).blueprint();
    return Advisor.advise(b);
  }

  static String flip(String from, String to) {
    assertTrue(BASE.contains(from), from);
    return BASE.replace(from, to);
  }

  static Matrix matrix(Advice a, String decision, String subject) {
    return a.report().matrices().stream()
        .filter(m -> m.decision().equals(decision) && m.subject().startsWith(subject))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + decision + " matrix for " + subject));
  }

  static Dataset dataset(Advice a, String name) {
    return a.proposal().architectureOrEmpty().datasets().stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  static String store(Advice a) {
    return matrix(a, "store", "items").chosen();
  }

  static boolean row(Matrix m, String criterion, String option, String reasonPart) {
    return m.rows().stream()
        .filter(r -> r.criterion().equals(criterion))
        .anyMatch(r -> r.cell(option).score() >= 4 && r.cell(option).reason().contains(reasonPart));
  }

  static boolean knockedOutBy(Matrix m, String rule, String option) {
    return m.knockouts().stream().anyMatch(k -> k.rule().equals(rule) && k.option().equals(option));
  }

  // ---- store ---------------------------------------------------------------------------------

  @Test
  void accessTraversalMakesItAGraph() throws Exception {
    assertEquals("relational", store(advise(BASE)));
    Matrix m =
        matrix(
            advise(flip("access: key-lookup,", "access: traversal, traversalDepth: 3,")),
            "store",
            "items");
    assertEquals("graph", m.chosen());
    assertTrue(row(m, "traversal", "graph", "3-hop"), m.rows().toString());
  }

  @Test
  void ephemeralDerivedDataGoesToAKeyValueStoreWithItsTtl() throws Exception {
    Advice a = advise(flip("role: system-of-record, rows", "role: derived, expiry: 30m, rows"));
    Matrix m = matrix(a, "store", "items");
    assertEquals("key-value", m.chosen());
    assertTrue(row(m, "expiry", "key-value", "TTL per key (30 min)"), m.rows().toString());
    assertEquals(java.time.Duration.ofMinutes(30), dataset(a, "items").retention());
    // the same data as a system of record may not live there
    assertTrue(knockedOutBy(matrix(advise(BASE), "store", "items"), "KO-STORE-001", "key-value"));
  }

  @Test
  void attributesThatVaryMakeItADocumentStore() throws Exception {
    Matrix m = matrix(advise(flip("shape: fixed", "shape: varies")), "store", "items");
    assertEquals("document", m.chosen());
    assertTrue(row(m, "shape", "document", "own attributes"), m.rows().toString());
  }

  @Test
  void rowsDecideBetweenAReportingDatabaseAndTheLake() throws Exception {
    String scans = flip(LOOKUP, "access: analytical-scan");
    Matrix small = matrix(advise(scans), "store", "items");
    assertEquals("relational", small.chosen());
    assertEquals("aggregate-report", small.facts().get("access"));
    Matrix large =
        matrix(advise(scans.replace("rows: 1000000", "rows: 5000000000")), "store", "items");
    assertEquals("object-storage", large.chosen());
    assertEquals("scan", large.facts().get("access"));
  }

  @Test
  void aReadLatencyTargetKnocksTheLakeOut() throws Exception {
    String large =
        flip(LOOKUP, "access: analytical-scan, peakReadsPerSecond: 200")
            .replace("rows: 1000000", "rows: 5000000000");
    assertEquals("object-storage", store(advise(large)));
    Matrix m =
        matrix(
            advise(
                large.replace(
                    "peakReadsPerSecond: 200", "readLatency: {percentile: 99, value: 50ms}")),
            "store",
            "items");
    assertNotEquals("object-storage", m.chosen());
    assertTrue(knockedOutBy(m, "KO-STORE-007", "object-storage"), m.knockouts().toString());
  }

  @Test
  void aHighWriteRateRulesOutOneRelationalPrimary() throws Exception {
    Matrix m =
        matrix(
            advise(flip("peakEventsPerSecond: 100,", "peakEventsPerSecond: 50000,")),
            "store",
            "items");
    assertEquals("wide-column", m.chosen());
    assertTrue(knockedOutBy(m, "KO-STORE-004", "relational"), m.knockouts().toString());
  }

  @Test
  void transactionsRuleOutWideColumnEvenWhereItIsKept() throws Exception {
    String kept =
        flip("kind: build-new", "kind: improve-existing")
            .replace(
                "businessProblem: Data is slow.}",
                "businessProblem: Data is slow., existingSystem: {description: One database.,"
                    + " systems: [{id: items-db, technology: cassandra, role: system-of-record,"
                    + " holds: [items]}]}}");
    assertEquals(
        "wide-column",
        dataset(advise(kept), "items").store().name().toLowerCase().replace('_', '-'));
    Advice a = advise(kept.replace("shape: fixed}", "shape: fixed, transactions: true}"));
    assertEquals("relational", dataset(a, "items").store().name().toLowerCase());
    assertTrue(knockedOutBy(matrix(a, "store", "items"), "KO-STORE-006", "wide-column"));
    assertTrue(
        a.report().assumptions().stream()
            .anyMatch(s -> s.startsWith("items moves out of items-db")),
        a.report().assumptions().toString());
  }

  @Test
  void anExistingSystemIsKeptUnlessItsIntentIsToReplaceIt() throws Exception {
    String kept =
        flip("kind: build-new", "kind: improve-existing")
            .replace(
                "businessProblem: Data is slow.}",
                "businessProblem: Data is slow., existingSystem: {description: One MongoDB.,"
                    + " systems: [{id: items-db, technology: mongodb, role: system-of-record,"
                    + " holds: [items], intent: keep}]}}");
    Advice a = advise(kept);
    assertEquals("relational", matrix(a, "store", "items").chosen(), "on scores alone");
    assertEquals("DOCUMENT", dataset(a, "items").store().name(), "kept in MongoDB");
    assertTrue(
        a.report().derivations().stream()
            .anyMatch(
                d -> d.element().equals("dataset items") && d.inputs().contains("intent keep")));
    Advice replaced = advise(kept.replace("intent: keep", "intent: replace"));
    assertEquals("RELATIONAL", dataset(replaced, "items").store().name());
  }

  // ---- messaging -----------------------------------------------------------------------------

  @Test
  void selfHostedRulesOutKinesis() throws Exception {
    assertEquals("kinesis", matrix(advise(BASE), "messaging", "the app").chosen());
    Matrix m =
        matrix(
            advise(
                flip(
                    "hosting: cloud, provider: aws, operations: managed",
                    "hosting: self-hosted, operations: self-managed")),
            "messaging",
            "the app");
    assertEquals("kafka", m.chosen());
    assertTrue(knockedOutBy(m, "KO-MSG-007", "kinesis"));
  }

  @Test
  void fanOutWithoutOrderOrReplayGoesToAnEventBusAndReplayTakesItAway() throws Exception {
    String fanout =
        flip("orderPerKey: true, validated: true}", "orderPerKey: false, validated: true}")
            .replace("operations: managed", "operations: serverless")
            .replace(
                "  - {id: feed, reads: [app], access: event-subscription, freshness: 10s, maxOutage: 1h}\n",
                "  - {id: feed, reads: [app], access: event-subscription, freshness: 10s, maxOutage: 1h}\n"
                    + "  - {id: mailer, reads: [app], access: event-subscription, freshness: 1m, maxOutage: 1h}\n"
                    + "  - {id: audit, reads: [app], access: event-subscription, freshness: 5m, maxOutage: 1h}\n");
    Matrix bus = matrix(advise(fanout), "messaging", "the app");
    assertEquals("event-bus", bus.chosen());
    assertTrue(row(bus, "routing", "event-bus", "one rule and target per subscriber"));
    Matrix replay =
        matrix(
            advise(
                fanout.replace(
                    "freshness: 5m, maxOutage: 1h}", "freshness: 5m, maxOutage: 1h, replay: 7d}")),
            "messaging",
            "the app");
    assertNotEquals("event-bus", replay.chosen());
    assertTrue(knockedOutBy(replay, "KO-MSG-006", "event-bus"));
    Matrix ordered =
        matrix(
            advise(fanout.replace("orderPerKey: false", "orderPerKey: true")),
            "messaging",
            "the app");
    assertTrue(knockedOutBy(ordered, "KO-MSG-003", "event-bus"));
  }

  @Test
  void theOrganisationsStandardAndAnAvoidedOptionDecide() throws Exception {
    Matrix adopted =
        matrix(
            advise(flip("operations: managed}", "operations: managed, adopt: [kafka]}")),
            "messaging",
            "the app");
    assertEquals("kafka", adopted.chosen());
    assertTrue(row(adopted, "standard", "kafka", "runs Kafka already"));
    Matrix avoided =
        matrix(
            advise(
                flip(
                    "  functional: [{id: FR-1, text: Serve the items.}]\n",
                    "  functional: [{id: FR-1, text: Serve the items.}]\n"
                        + "  constraints: [{id: C-1, text: No Kinesis., raisedBy: Ana Silva, avoids: kinesis}]\n")),
            "messaging",
            "the app");
    assertNotEquals("kinesis", avoided.chosen());
    assertTrue(knockedOutBy(avoided, "KO-CON-001", "kinesis"));
  }

  @Test
  void aProductNameWhereAnOptionBelongsIsReadAsItsOptionWithAWarning() throws Exception {
    String yaml = flip("operations: managed}", "operations: managed, adopt: [msk]}");
    var problems =
        Validator.validate(
            dev.blueprint.core.load.BlueprintLoader.parse(
                "flip.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.ruleId().equals("BP-CON-003")
                        && p.severity() == dev.blueprint.core.problem.Severity.WARNING
                        && p.message().contains("as the option 'kafka'")),
        problems.toString());
    assertEquals("kafka", matrix(advise(yaml), "messaging", "the app").chosen());
  }

  @Test
  void wordsAskForAConsolidationAndOnlyAStatedKeyBuildsIt() throws Exception {
    String words =
        flip(
                "functional: [{id: FR-1, text: Serve the items.}]",
                "functional: [{id: FR-1, text: Consolidate the sessions of each visitor.}]")
            .replace("kind: events,", "kind: clickstream,");
    Advice asked = advise(words);
    assertTrue(
        asked.proposal().architectureOrEmpty().datasets().stream()
            .noneMatch(d -> d.consolidates() != null),
        "free text picks nothing");
    assertTrue(
        asked.report().questions().stream().anyMatch(q -> q.topic().equals("Consolidation")));
    Advice stated =
        advise(
            words.replace(
                "  - {name: items,",
                "  - {name: visitor_days, from: [app], role: derived, consolidateBy: [tracker_id]}\n"
                    + "  - {name: items,"));
    Dataset d = dataset(stated, "visitor_days");
    assertEquals(java.util.List.of("tracker_id"), d.consolidates().by());
  }

  // ---- cache and formats ---------------------------------------------------------------------

  @Test
  void aCacheWhenReadersAcceptStalenessWithItAsTheTtl() throws Exception {
    String hot =
        flip(
            LOOKUP + ", freshness: 1m",
            "access: key-lookup, peakReadsPerSecond: 20000, readLatency: {percentile: 99, value: 5ms}, freshness: 5m");
    Advice a = advise(hot);
    assertEquals("redis", matrix(a, "cache", "items").chosen());
    assertEquals(
        java.time.Duration.ofMinutes(5), a.proposal().architectureOrEmpty().caches().get(0).ttl());
    Matrix none = matrix(advise(hot.replace("freshness: 5m", "freshness: 0s")), "cache", "items");
    assertEquals("no-cache", none.chosen());
    assertTrue(knockedOutBy(none, "KO-CACHE-001", "redis"));
  }

  @Test
  void unvalidatedVolatilePayloadsLandAsJson() throws Exception {
    String volatileSchema = flip("schemaStability: stable", "schemaStability: volatile");
    assertEquals("avro", matrix(advise(volatileSchema), "format", "app_raw").chosen());
    Matrix m =
        matrix(
            advise(volatileSchema.replace("validated: true", "validated: false")),
            "format",
            "app_raw");
    assertEquals("json", m.chosen());
    assertTrue(knockedOutBy(m, "KO-FMT-006", "avro"));
  }

  @Test
  void anExportForPeopleIsCsv() throws Exception {
    Advice a = advise(flip(LOOKUP, "access: file-export"));
    Matrix m = matrix(a, "format", "items");
    assertEquals("csv", m.chosen());
    assertTrue(knockedOutBy(m, "KO-FMT-005", "parquet"));
    assertEquals("CSV", dataset(a, "items").format().name());
  }

  // ---- confidence ----------------------------------------------------------------------------

  @Test
  void aMissingFactIsAskedAndMakesTheDecisionLowConfidence() throws Exception {
    Advice a = advise(flip(LOOKUP + ", ", ""));
    Matrix m = matrix(a, "store", "items");
    assertTrue(m.lowConfidence(), m.toString());
    assertTrue(m.confidenceNote().contains("(access)"), m.confidenceNote());
    assertTrue(a.report().questions().stream().anyMatch(q -> q.topic().equals("Access")));
    Matrix stated =
        matrix(
            advise(flip("shape: fixed}", "shape: fixed, transactions: true}")), "store", "items");
    assertEquals("high", stated.confidence(), stated.confidenceNote());
  }

  @Test
  void aTieIsLowConfidenceAndNamesTheFactThatWouldFlipIt() throws Exception {
    Matrix m = matrix(advise(BASE), "store", "items");
    assertEquals("relational", m.chosen());
    assertTrue(m.lowConfidence());
    assertTrue(m.confidenceNote().contains("a tie with Document"), m.confidenceNote());
    assertTrue(m.confidenceNote().contains("It would change to Document if "), m.confidenceNote());
  }
}
