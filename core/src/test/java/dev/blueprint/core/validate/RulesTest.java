package dev.blueprint.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.TestFiles;
import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.problem.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per rule, each on the minimal valid blueprint with one change: the rule fires on the
 * change (with the element named in the message), and stays silent on the valid original.
 */
class RulesTest {

  /** The minimal blueprint with {@code old} replaced by {@code replacement} (once each). */
  static List<Problem> validate(String... replacements) {
    String yaml = TestFiles.minimal();
    for (int i = 0; i < replacements.length; i += 2) {
      assertTrue(yaml.contains(replacements[i]), "base lacks: " + replacements[i]);
      yaml =
          yaml.replaceFirst(
              java.util.regex.Pattern.quote(replacements[i]),
              java.util.regex.Matcher.quoteReplacement(replacements[i + 1]));
    }
    try {
      return Validator.validate(
          BlueprintLoader.parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
    } catch (ProblemException e) {
      throw new AssertionError("does not load: " + e.getMessage());
    }
  }

  static Problem find(List<Problem> problems, String ruleId) {
    return problems.stream()
        .filter(p -> p.ruleId().equals(ruleId))
        .findFirst()
        .orElseThrow(() -> new AssertionError(ruleId + " not reported in " + problems));
  }

  static void assertRule(String ruleId, String messagePart, String... replacements) {
    Problem p = find(validate(replacements), ruleId);
    assertTrue(p.message().contains(messagePart), p.message());
    assertTrue(p.location().line() > 0, "located: " + p);
  }

  @Test
  void theMinimalBlueprintIsCleanSoEveryRuleBelowFiresOnItsChangeAlone() {
    assertEquals(List.of(), validate());
  }

  // required fields

  @Test
  void bpReq001MissingField() {
    assertRule(
        "BP-REQ-001", "dataset 'events_clean' has no 'store'", "      store: relational\n", "");
    assertRule("BP-REQ-001", "in object storage but has no format", "      format: avro\n", "");
    assertRule(
        "BP-REQ-001", "stream 'app.events.v1' has no 'replication'", "      replication: 3\n", "");
    assertRule(
        "BP-REQ-001",
        "task 'clean' has no 'kind'",
        "          kind: sql\n          inputs",
        "          inputs");
  }

  @Test
  void bpReq005ArchitectureWithoutDatasets() {
    String yaml = TestFiles.minimal();
    String noData =
        yaml.substring(0, yaml.indexOf("architecture:")) + "architecture:\n  caches: []\n";
    try {
      Problem p =
          find(
              Validator.validate(
                  BlueprintLoader.parse("t.yaml", noData.getBytes(StandardCharsets.UTF_8))),
              "BP-REQ-005");
      assertEquals("architecture", p.path());
    } catch (ProblemException e) {
      throw new AssertionError(e.getMessage());
    }
  }

  @Test
  void bpReq002FormatVersion() {
    assertRule("BP-REQ-002", "format version 7", "blueprint: 2", "blueprint: 7");
  }

  @Test
  void bpReq003ImproveExistingNeedsTheExistingSystem() {
    assertRule("BP-REQ-003", "'corpus-demo'", "kind: build-new", "kind: improve-existing");
    assertTrue(
        validate(
                "kind: build-new",
                "kind: improve-existing\n  existingSystem:\n    description: A PostgreSQL app.")
            .isEmpty());
  }

  @Test
  void bpReq004NoFunctionalRequirement() {
    assertRule(
        "BP-REQ-004",
        "no functional requirement",
        "  functional:\n    - id: FR-1\n      text: Collect events.\n",
        "");
  }

  // ids

  @Test
  void bpId001DuplicateIds() {
    assertRule(
        "BP-ID-001",
        "duplicate dataset or stream name 'events_raw'",
        "    - name: events_clean",
        "    - name: events_raw");
    assertRule("BP-ID-001", "duplicate requirement id 'FR-1'", "    - id: NFR-1", "    - id: FR-1");
    assertRule(
        "BP-ID-001",
        "duplicate source, consumer or pipeline id 'app'",
        "  - id: dashboard",
        "  - id: app");
    assertRule(
        "BP-ID-001",
        "task id in pipeline 'load_events'",
        "        - id: undo_clean",
        "        - id: clean");
  }

  @Test
  void bpId002EngagementSlug() {
    assertRule("BP-ID-002", "'Corpus Demo' must be a slug", "id: corpus-demo", "id: Corpus Demo");
  }

  @Test
  void bpId003SnakeCaseNames() {
    assertRule(
        "BP-ID-003",
        "field name 'eventTime'",
        "{name: event_time, type: timestamp}\n      primaryKey: [event_id]\n  streams",
        "{name: eventTime, type: timestamp}\n      primaryKey: [event_id]\n  streams");
    assertRule("BP-ID-003", "cache name 'EventCache'", "name: event_cache", "name: EventCache");
  }

  // references

  @Test
  void bpRef001UnresolvedNames() {
    Problem p = find(validate("reads: [events_clean]", "reads: [events_claen]"), "BP-REF-001");
    assertEquals("consumers[0].reads[0]", p.path());
    assertTrue(p.message().contains("consumer 'dashboard' reads 'events_claen'"), p.message());
    assertEquals("did you mean 'events_clean'?", p.hint());
    assertRule("BP-REF-001", "is written by 'nobody'", "producers: [app]", "producers: [nobody]");
    assertRule("BP-REF-001", "depends on 'x'", "dependsOn: [land_raw]", "dependsOn: [x]");
    assertRule("BP-REF-001", "compensates 'x'", "compensates: [clean]", "compensates: [x]");
    assertRule("BP-REF-001", "caches 'x'", "caches: events_clean", "caches: x");
    assertRule("BP-REF-001", "belongs to 'x'", "group: land", "group: x");
  }

  @Test
  void requirementsDocumentsDoNotResolveConsumerReads() {
    // without an architecture, reads name datasets the advisor has yet to propose
    String yaml = TestFiles.minimal();
    String requirementsOnly = yaml.substring(0, yaml.indexOf("architecture:"));
    try {
      var loaded =
          BlueprintLoader.parse("r.yaml", requirementsOnly.getBytes(StandardCharsets.UTF_8));
      assertEquals(List.of(), Validator.validate(loaded));
    } catch (ProblemException e) {
      throw new AssertionError(e.getMessage());
    }
  }

  @Test
  void bpRef002UnknownFields() {
    assertRule(
        "BP-REF-002",
        "stream 'app.events.v1' is keyed by field 'user_id'",
        "key: event_id",
        "key: user_id");
    assertRule(
        "BP-REF-002", "builds its key from field 'id'", "\"event:{event_id}\"", "\"event:{id}\"");
    assertRule(
        "BP-REF-002",
        "is partitioned by field 'ts'",
        "{field: event_time, transform: day}",
        "{field: ts, transform: day}");
  }

  // pipelines as DAGs

  @Test
  void bpDag001PrintsTheCycle() {
    Problem p =
        find(
            validate(
                "          group: land\n", "          group: land\n          dependsOn: [clean]\n"),
            "BP-DAG-001");
    assertTrue(p.message().endsWith("cycle: land_raw -> clean -> land_raw"), p.message());
    assertEquals("architecture.pipelines[0].tasks[0].dependsOn[0]", p.path());
  }

  @Test
  void bpDag001SelfDependency() {
    assertRule("BP-DAG-001", "clean -> clean", "dependsOn: [land_raw]", "dependsOn: [clean]");
  }

  @Test
  void bpDag002And003Compensations() {
    assertRule(
        "BP-DAG-002", "compensates itself", "compensates: [clean]", "compensates: [undo_clean]");
    assertRule(
        "BP-DAG-003",
        "depends on the compensating task 'undo_clean'",
        "dependsOn: [land_raw]",
        "dependsOn: [undo_clean]");
  }

  // Kafka

  @Test
  void bpKafka001Names() {
    assertRule("BP-KAFKA-001", "'app events'", "name: app.events.v1", "name: app events");
    assertRule("BP-KAFKA-001", "'..'", "name: app.events.v1", "name: \"..\"");
    assertRule("BP-KAFKA-001", "is invalid", "name: app.events.v1", "name: " + "a".repeat(250));
    assertTrue(
        validate("name: app.events.v1", "name: " + "a".repeat(249)).stream()
            .noneMatch(p -> p.ruleId().startsWith("BP-KAFKA")));
  }

  @Test
  void bpKafka002DotUnderscoreCollision() {
    assertRule(
        "BP-KAFKA-002",
        "'app_events_v1' collides with 'app.events_v1'",
        "    - name: app.events.v1",
        "    - name: app.events_v1",
        "  pipelines:",
        "    - name: app_events_v1\n      partitions: 1\n      replication: 3\n      minInsyncReplicas: 2\n      retention: 3d\n  pipelines:");
  }

  @Test
  void bpKafka003InternalPrefix() {
    assertRule(
        "BP-KAFKA-003", "starts with '__'", "name: app.events.v1", "name: __consumer_offsets2");
  }

  @Test
  void bpKafka004UnknownConfigWithSuggestion() {
    Problem p =
        find(
            validate(
                "      retention: 3d\n",
                "      retention: 3d\n      config:\n        compresion.type: zstd\n"),
            "BP-KAFKA-004");
    assertEquals("did you mean 'compression.type'?", p.hint());
    assertTrue(
        validate(
                "      retention: 3d\n",
                "      retention: 3d\n      config:\n        compression.type: zstd\n        max.message.bytes: \"1048576\"\n")
            .isEmpty());
  }

  @Test
  void bpKafka005ConfigSetByAField() {
    assertRule(
        "BP-KAFKA-005",
        "'retention.ms'",
        "      retention: 3d\n",
        "      retention: 3d\n      config:\n        retention.ms: \"1000\"\n");
  }

  // Kinesis

  @Test
  void bpKinesis001To003() {
    String kinesis = "      platform: kinesis\n      partitions: 3";
    assertRule(
        "BP-KINESIS-001",
        "Kinesis stream 'app events'",
        "name: app.events.v1",
        "name: app events",
        "      partitions: 3",
        kinesis);
    assertRule(
        "BP-KINESIS-002", "12h", "      partitions: 3", kinesis, "retention: 3d", "retention: 12h");
    // 4,500 records/s need 5 shards of 1,000 records/s
    Problem p =
        find(
            validate(
                "      partitions: 3",
                kinesis,
                "peakEventsPerSecond: 100",
                "peakEventsPerSecond: 4500"),
            "BP-KINESIS-003");
    assertTrue(p.message().contains("needs at least 5 shards"), p.message());
    // 2,000 events of 1 MiB each exceed the byte limit before the record limit
    assertRule(
        "BP-KINESIS-003",
        "at least 2000 shards",
        "      partitions: 3",
        kinesis,
        "peakEventsPerSecond: 100",
        "peakEventsPerSecond: 2000\n      eventBytes: 1048576");
    assertTrue(validate("      partitions: 3", kinesis).isEmpty(), "100 records/s fit in 3 shards");
  }

  // Airflow

  @Test
  void bpAirflow001DagId() {
    assertRule(
        "BP-AIRFLOW-001",
        "'load_événements'",
        "    - id: load_events",
        "    - id: load_événements");
    assertRule(
        "BP-AIRFLOW-001", "contains '..'", "    - id: load_events", "    - id: load..events");
  }

  @Test
  void bpAirflow002TaskId() {
    assertRule("BP-AIRFLOW-002", "task id 'undo clean'", "- id: undo_clean", "- id: undo clean");
  }

  @Test
  void bpAirflow003GroupPrefixedLength() {
    String g = "g".repeat(150);
    String t = "t".repeat(100);
    // 150 + 1 + 100 = 251 > 250, though each part alone is fine
    Problem p =
        find(
            validate(
                "        - id: land\n",
                "        - id: " + g + "\n",
                "group: land",
                "group: " + g,
                "- id: land_raw",
                "- id: " + t,
                "dependsOn: [land_raw]",
                "dependsOn: [" + t + "]"),
            "BP-AIRFLOW-003");
    assertTrue(p.message().contains("(251 characters with its group prefix)"), p.message());
    String t99 = "t".repeat(99);
    assertTrue(
        validate(
                "        - id: land\n",
                "        - id: " + g + "\n",
                "group: land",
                "group: " + g,
                "- id: land_raw",
                "- id: " + t99,
                "dependsOn: [land_raw]",
                "dependsOn: [" + t99 + "]")
            .isEmpty());
  }

  @Test
  void bpAirflow004GroupId() {
    assertRule(
        "BP-AIRFLOW-004",
        "no '.'",
        "        - id: land\n",
        "        - id: la.nd\n",
        "group: land",
        "group: la.nd");
  }

  @Test
  void bpAirflow005GroupEqualsTask() {
    assertRule(
        "BP-AIRFLOW-005",
        "same id as a task",
        "        - id: land\n",
        "        - id: clean\n",
        "group: land",
        "group: clean");
  }

  @Test
  void bpAirflow006TagLength() {
    assertRule(
        "BP-AIRFLOW-006",
        "101 characters",
        "      schedule: \"@hourly\"",
        "      schedule: \"@hourly\"\n      tags: [" + "x".repeat(101) + "]");
    assertTrue(
        validate(
                "      schedule: \"@hourly\"",
                "      schedule: \"@hourly\"\n      tags: [" + "x".repeat(100) + "]")
            .isEmpty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "@daily",
        "@hourly",
        "@once",
        "none",
        "assets",
        "*/5 * * * *",
        "30 2 * * *",
        "0 4 * * MON-FRI",
        "0 0 1 jan,jul *",
        "0-30/10 8-18 * * 1-5",
        "0 0 * * 7"
      })
  void bpAirflow007AcceptsWhatAirflowReads(String schedule) {
    assertNull(Schedules.problem(schedule), schedule);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "@every5m",
        "61 * * * *",
        "0 24 * * *",
        "0 0 0 * *",
        "0 0 * 13 *",
        "0 2 * *",
        "* * * * * *",
        "0 0 * * FUNDAY",
        "*/0 * * * *",
        "daily"
      })
  void bpAirflow007RefusesWhatAirflowCannotRead(String schedule) {
    assertNotNull(Schedules.problem(schedule), schedule);
  }

  @Test
  void bpAirflow007IsReportedOnThePipeline() {
    assertRule(
        "BP-AIRFLOW-007",
        "pipeline 'load_events' has the schedule '61 * * * *'",
        "schedule: \"@hourly\"",
        "schedule: \"61 * * * *\"");
  }

  // ranges

  @Test
  void bpRange001To006() {
    assertRule("BP-RANGE-001", "0 partitions", "partitions: 3", "partitions: 0");
    assertRule("BP-RANGE-002", "replication 0", "replication: 3", "replication: 0");
    assertRule(
        "BP-RANGE-003",
        "minInsyncReplicas 4 above its replication 3",
        "minInsyncReplicas: 2",
        "minInsyncReplicas: 4");
    assertRule("BP-RANGE-003", "at least 1", "minInsyncReplicas: 2", "minInsyncReplicas: 0");
    assertRule(
        "BP-RANGE-005",
        "retries -2",
        "      schedule: \"@hourly\"",
        "      schedule: \"@hourly\"\n      retries: -2");
    assertRule("BP-RANGE-005", "ttl", "ttl: 5m", "ttl: 0s");
    assertRule(
        "BP-RANGE-006",
        "peaks at 5 events/s, below its average of 10",
        "peakEventsPerSecond: 100",
        "peakEventsPerSecond: 5");
  }

  @Test
  void bpRange004MinIsrEqualToReplicationIsAWarning() {
    Problem p = find(validate("minInsyncReplicas: 2", "minInsyncReplicas: 3"), "BP-RANGE-004");
    assertEquals(Severity.WARNING, p.severity());
  }

  // retention

  @Test
  void bpRet001RetentionShorterThanAConsumersOutage() {
    Problem p = find(validate("retention: 3d", "retention: 12h"), "BP-RET-001");
    assertEquals(
        "stream 'app.events.v1' keeps records for 12h, less than the 1d that its consumer"
            + " 'dashboard' may be down, so records would be lost",
        p.message());
    assertEquals(Severity.ERROR, p.severity());
  }

  @Test
  void bpRet002And003AreWarnings() {
    assertEquals(
        Severity.WARNING,
        find(validate("retention: 3d", "retention: 1d"), "BP-RET-002").severity());
    assertEquals(
        Severity.WARNING, find(validate("      retention: 3d\n", ""), "BP-RET-003").severity());
    // a compacted topic keeps the latest record per key regardless of retention
    assertTrue(validate("retention: 3d", "retention: 1h\n      cleanupPolicy: compact").isEmpty());
  }

  // paths

  @Test
  void bpPath001NamesThatWouldLeaveTheOutputFolder() {
    assertRule("BP-PATH-001", "'../x' contains '..'", "id: corpus-demo", "id: ../x");
    assertRule("BP-PATH-001", "is an absolute path", "name: event_cache", "name: /etc/cache");
    assertRule("BP-PATH-001", "path separator", "- id: ADR-001", "- id: ADR\\001");
    assertRule(
        "BP-PATH-001",
        "control character U+0009",
        "        - id: undo_clean",
        "        - id: \"undo\\tclean\"");
    assertEquals("is an absolute path", PathRules.unsafe("C:evil"));
    assertEquals("is only dots", PathRules.unsafe("."));
    assertNull(PathRules.unsafe("web.page-views.v1"));
  }

  // requirements, decisions, caches

  @Test
  void bpNfr001And002() {
    assertRule("BP-NFR-001", "it has no unit", "      unit: events/s\n", "");
    assertRule(
        "BP-NFR-002",
        "120.0 %",
        "      value: 100\n      unit: events/s",
        "      value: 120\n      unit: \"%\"");
  }

  @Test
  void bpAdr001And002() {
    Problem p = find(validate("chosen: Kafka", "chosen: Kafak"), "BP-ADR-001");
    assertEquals("did you mean 'Kafka'?", p.hint());
    assertEquals(
        Severity.WARNING,
        find(validate("      consequences:\n        bad: [A cluster to run]\n", ""), "BP-ADR-002")
            .severity());
  }

  @Test
  void bpCache001And002() {
    assertEquals(
        Severity.WARNING, find(validate("      ttl: 5m\n", ""), "BP-CACHE-001").severity());
    assertRule(
        "BP-CACHE-002",
        "key-value dataset",
        "      store: relational\n",
        "      store: key-value\n");
  }
}
