package dev.blueprint.core.advice;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.EngagementKind;
import dev.blueprint.core.model.NfrCategory;
import java.util.ArrayList;
import java.util.List;

/**
 * Drilling down to the core problem: the questions to put to the problem owner, from what the
 * requirements leave open.
 */
public final class Questions {
  private Questions() {}

  /** Questions from the requirements and the SMART check, then the proposer's, numbered Q-1... */
  public static List<Question> ask(
      Blueprint req, List<SmartResult> smart, List<Question> fromProposal) {
    List<Question> qs = new ArrayList<>();
    var e = req.engagement();
    if (e == null || e.problemOwner() == null || blank(e.problemOwner().name())) {
      add(
          qs,
          "Owner",
          "Who owns this problem, or represents the users' best interest, and decides between trade-offs?",
          "Every open question and every decision record needs someone who can answer and approve it.",
          "engagement");
    }
    if (e == null || blank(e.coreProblem())) {
      add(
          qs,
          "Problem",
          "What is the core problem behind the business problem: which decision or process fails today, and why?",
          "Drilling down from the business problem keeps the solution from answering the wrong question.",
          "engagement");
    }
    if (e != null && e.kind() == EngagementKind.IMPROVE_EXISTING && e.existingSystem() == null) {
      add(
          qs,
          "Current state",
          "What does the existing system consist of, and what hurts today?",
          "Improving a system starts from what stays and what changes.",
          "engagement");
    }
    for (SmartResult s : smart) {
      if (!s.smart()) {
        add(
            qs,
            "SMART",
            s.id()
                + " ('"
                + s.text()
                + "'): "
                + String.join(", ", s.problems())
                + (s.vagueWords().isEmpty() ? "" : "; vague: " + String.join(", ", s.vagueWords()))
                + ". Which number, under which load and over which time frame?",
            "A requirement without a number cannot be met, tested or traded off.",
            s.id());
      }
    }
    // one question about every source or consumer it concerns, not one per source or consumer
    List<String> noPeak =
        req.sources().stream()
            // the proposer asks about missing volumes with the source
            .filter(src -> src.volume() != null)
            .filter(
                src ->
                    src.volume().peakEventsPerSecond() == null
                        && src.volume().eventsPerSecond() != null)
            .map(src -> src.id())
            .toList();
    if (!noPeak.isEmpty()) {
      add(
          qs,
          "Volumes",
          "What is the peak rate of "
              + each(noPeak)
              + " (events/s), e.g. during sales or incidents?",
          "Partitions and shards are sized for the peak, not the average.",
          noPeak);
    }
    List<String> noOutage =
        req.consumers().stream().filter(c -> c.maxOutage() == null).map(Consumer::id).toList();
    if (!noOutage.isEmpty()) {
      add(
          qs,
          "Outage",
          "How long may " + each(noOutage) + " be down and still catch up without losing data?",
          "Stream retention is derived from the longest tolerated outage.",
          noOutage);
    }
    List<String> noLatency =
        req.consumers().stream()
            .filter(c -> c.freshnessOrLatency() == null)
            .map(Consumer::id)
            .toList();
    if (!noLatency.isEmpty()) {
      add(
          qs,
          "Freshness",
          "How fresh must the data that " + each(noLatency) + " reads be?",
          "It decides between batch orchestration and stream processing.",
          noLatency);
    }
    if (none(req, NfrCategory.RETENTION)) {
      add(
          qs,
          "Retention",
          "How long must history be kept, and is there a legal limit on keeping it?",
          "It sizes the lake and decides its lifecycle rules; the proposal assumes a default.",
          "requirements");
    }
    if (none(req, NfrCategory.CONSISTENCY)) {
      add(
          qs,
          "Consistency",
          "Which consumers must see a write immediately, and which accept data that is minutes old?",
          "It decides where caches may sit and whether reads go to the system of record.",
          "requirements");
    }
    // with consumers, every one of them without a tolerated outage is asked about above
    if (none(req, NfrCategory.DURABILITY) && req.consumers().isEmpty()) {
      add(
          qs,
          "Outage",
          "What is the longest consumer outage that must not lose events?",
          "Stream retention must exceed it.",
          "requirements");
    }
    qs.addAll(fromProposal);
    List<Question> numbered = new ArrayList<>();
    for (int i = 0; i < qs.size(); i++) {
      Question q = qs.get(i);
      numbered.add(new Question("Q-" + (i + 1), q.topic(), q.question(), q.why(), q.about()));
    }
    return numbered;
  }

  private static void add(List<Question> qs, String topic, String q, String why, String about) {
    add(qs, topic, q, why, List.of(about));
  }

  private static void add(
      List<Question> qs, String topic, String q, String why, List<String> about) {
    qs.add(new Question(null, topic, q, why, about));
  }

  /** "a", or "each of a and b". */
  private static String each(List<String> ids) {
    return (ids.size() == 1 ? "" : "each of ") + Names.list(ids);
  }

  private static boolean none(Blueprint req, NfrCategory c) {
    return req.requirements().nonFunctional().stream().noneMatch(n -> n.category() == c);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
