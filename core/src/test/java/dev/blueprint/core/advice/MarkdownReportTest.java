package dev.blueprint.core.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.model.Blueprint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the report says where the requirements leave something open or small. */
class MarkdownReportTest {

  static Blueprint parse(String yaml) throws Exception {
    return BlueprintLoader.parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8)).blueprint();
  }

  /** A source without a volume on the given platform, read by one stream consumer. */
  private static Blueprint noVolume(String platform) throws Exception {
    return withSource(platform, "{id: app, kind: events}");
  }

  private static Blueprint withSource(String platform, String source) throws Exception {
    return parse(
        "blueprint: 2\n"
            + "engagement: {id: novol, title: No volume, kind: build-new}\n"
            + "requirements:\n"
            + "  constraints:\n"
            + "    - {id: C-1, text: Use "
            + platform
            + ", raisedBy: Platform team, requires: "
            + platform
            + "}\n"
            + "sources:\n  - "
            + source
            + "\n"
            + "consumers:\n"
            + "  - {id: feed, reads: [app.events.v1], freshness: 1m, maxOutage: 1d}\n");
  }

  @Test
  void aSourceWithoutVolumeSaysTheVolumeIsUnknownAndAsked() throws Exception {
    for (String platform : new String[] {"kinesis", "kafka"}) {
      Advice advice = Advisor.advise(noVolume(platform));
      String inputs =
          advice.report().derivations().stream()
              .filter(d -> d.element().startsWith("stream "))
              .filter(d -> d.setting().equals("shards") || d.setting().equals("partitions"))
              .map(Derivation::inputs)
              .findFirst()
              .orElseThrow();
      assertFalse(inputs.contains("null"), platform + ": " + inputs);
      assertTrue(inputs.contains("volume of app is unknown"), platform + ": " + inputs);
      assertTrue(inputs.contains("open question"), platform + ": " + inputs);
      assertTrue(
          advice.report().questions().stream()
              .anyMatch(q -> q.topic().equals("Volumes") && q.about().contains("app")),
          platform + ": " + advice.report().questions());
      assertFalse(MarkdownReport.render(advice).contains("null"), platform);
    }
  }

  @Test
  void aSourceWithoutEventSizeSaysTheSizeIsUnknownAndAsked() throws Exception {
    for (String platform : new String[] {"kinesis", "kafka"}) {
      Advice advice =
          Advisor.advise(
              withSource(platform, "{id: app, kind: events, volume: {eventsPerSecond: 300}}"));
      String md = MarkdownReport.render(advice);
      assertFalse(md.contains("null"), platform);
      assertTrue(md.contains("peak 300 "), platform);
      assertTrue(md.contains("event size of app is unknown (asked as an open question)"), platform);
      assertTrue(
          advice.report().questions().stream()
              .anyMatch(q -> q.topic().equals("Volumes") && q.about().contains("app")),
          platform + ": " + advice.report().questions());
    }
  }

  @Test
  void aLatencyUnderOneSecondIsSaidInMillisecondsNotRoundedToZero() throws Exception {
    Advice advice =
        Advisor.advise(
            parse(
                "blueprint: 2\n"
                    + "engagement: {id: fast, title: Fast, kind: build-new}\n"
                    + "sources:\n"
                    + "  - {id: app, kind: events, volume: {eventsPerSecond: 10, eventBytes: 500}}\n"
                    + "consumers:\n"
                    + "  - {id: scorer, reads: [app.events.v1], freshness: 500ms, maxOutage: 1d}\n"));
    String md = MarkdownReport.render(advice);
    assertFalse(md.contains(" 0 s"), md);
    assertTrue(md.contains("within 500 ms"), md);
    assertTrue(AdviceWriter.reportJson(advice).contains("\"latencySeconds\" : 0.5"));
  }

  @Test
  void aQuestionForSeveralConsumersIsAskedOnceAndNamesThemAll() throws Exception {
    Advice advice =
        Advisor.advise(
            parse(
                "blueprint: 2\n"
                    + "engagement: {id: many, title: Many, kind: build-new}\n"
                    + "sources:\n"
                    + "  - {id: app, kind: events, volume: {eventsPerSecond: 10, eventBytes: 500}}\n"
                    + "  - {id: web, kind: events}\n"
                    + "  - {id: pos, kind: events}\n"
                    + "consumers:\n"
                    + "  - {id: shop, description: Looks up a customer, reads: [customer_state],"
                    + " latency: 5s}\n"
                    + "  - {id: support, description: Looks up an order, reads: [order_state,"
                    + " customer_state], latency: 5s}\n"
                    + "  - {id: bi, reads: [daily_summary]}\n"
                    + "  - {id: audit, reads: [daily_summary]}\n"));
    List<Question> qs = advice.report().questions();
    // the same question about other consumers or datasets reads the same once the ids are masked
    String ids = "\\b(shop|support|bi|audit|customer_state|order_state|daily_summary|web|pos)\\b";
    for (String topic :
        List.of("Data", "Consistency", "Volumes", "Schema", "Outage", "Freshness")) {
      List<String> texts =
          qs.stream().filter(q -> q.topic().equals(topic)).map(Question::question).toList();
      assertEquals(
          texts.size(),
          texts.stream().map(t -> t.replaceAll(ids, "X")).distinct().count(),
          topic + " asks the same question more than once: " + texts);
    }
    Question columns =
        qs.stream().filter(q -> q.question().startsWith("Which columns")).findFirst().orElseThrow();
    for (String named :
        List.of("shop", "support", "bi", "audit", "customer_state", "order_state")) {
      assertTrue(columns.question().contains(named), columns.question());
    }
    assertEquals(List.of("shop", "support", "bi", "audit"), columns.about());
    Question outage = qs.stream().filter(q -> q.topic().equals("Outage")).findFirst().orElseThrow();
    assertEquals(1, qs.stream().filter(q -> q.topic().equals("Outage")).count(), qs.toString());
    assertEquals(List.of("shop", "support", "bi", "audit"), outage.about());
    Question volumes =
        qs.stream()
            .filter(q -> q.question().startsWith("How many events"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("web", "pos"), volumes.about());
  }
}
