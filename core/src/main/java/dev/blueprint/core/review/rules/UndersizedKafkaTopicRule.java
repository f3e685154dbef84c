package dev.blueprint.core.review.rules;

import dev.blueprint.core.advice.knowledge.Knowledge;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Platform;
import dev.blueprint.core.model.Source;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.ReviewRule;
import dev.blueprint.core.review.Risk;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Kafka topic with fewer partitions than its producers' peak needs: the topic itself may absorb
 * the writes, but at most one consumer per partition reads them, so consumers cannot scale out to
 * keep up and lag grows at peak. Uses the advisor's per-partition targets, so that review and
 * advise agree on the number.
 */
public final class UndersizedKafkaTopicRule implements ReviewRule {

  @Override
  public String id() {
    return "RV-REQ-003";
  }

  @Override
  public Risk severity() {
    return Risk.MEDIUM;
  }

  @Override
  public String principle() {
    return "Meet the requirements";
  }

  @Override
  public String bestPractice() {
    return "A topic has enough partitions for its producers' peak, so that consumers can scale out"
        + " to keep up.";
  }

  @Override
  public List<Finding> check(Blueprint bp) {
    List<Finding> out = new ArrayList<>();
    Knowledge kb = null;
    for (Stream s : bp.architectureOrEmpty().streams()) {
      if (s.platformOrKafka() != Platform.KAFKA || s.partitions() == null) {
        continue;
      }
      double events = 0;
      double bytes = 0;
      for (Source src : bp.sources()) {
        if (s.producers().contains(src.id()) && src.volume() != null) {
          Double peak = src.volume().peakOrAverage();
          events += peak == null ? 0 : peak;
          if (peak != null && src.volume().eventBytes() != null) {
            bytes += peak * src.volume().eventBytes();
          }
        }
      }
      if (events == 0 && bytes == 0) {
        continue;
      }
      kb = kb == null ? Knowledge.builtIn() : kb;
      double perBytes = kb.number("kafka.partition.targetBytesPerSecond");
      double perEvents = kb.number("kafka.partition.targetEventsPerSecond");
      long needed =
          Math.max(
              1,
              Math.max((long) Math.ceil(bytes / perBytes), (long) Math.ceil(events / perEvents)));
      int partitions = s.partitions();
      if (partitions < needed) {
        out.add(
            finding(
                "stream " + s.name(),
                String.format(
                    Locale.ROOT,
                    "%d partition%s sized for %,.0f bytes/s and %,.0f events/s each cannot carry"
                        + " the producers' peak of %,.0f events/s and %,.0f bytes/s: at most one"
                        + " consumer per partition reads it, so consumers cannot scale out and"
                        + " lag grows at peak.",
                    partitions,
                    partitions == 1 ? "" : "s",
                    perBytes,
                    perEvents,
                    events,
                    bytes),
                String.format(
                    Locale.ROOT,
                    "Give the topic at least %d partitions (max(ceil(bytes/s / %,.0f),"
                        + " ceil(events/s / %,.0f))); partitions can be added later but never"
                        + " removed, and adding them moves keys to other partitions.",
                    needed,
                    perBytes,
                    perEvents)));
      }
    }
    return out;
  }
}
