package dev.blueprint.core.review.rules;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Platform;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.ReviewRule;
import dev.blueprint.core.review.Risk;
import dev.blueprint.core.review.Topology;
import java.util.ArrayList;
import java.util.List;

/** A consumer that may be down needs a stream that keeps records to resume from. */
public final class NoRetentionFallbackRule implements ReviewRule {

  @Override
  public String id() {
    return "RV-SPOF-003";
  }

  @Override
  public Risk severity() {
    return Risk.HIGH;
  }

  @Override
  public String principle() {
    return "Avoid single points of failure";
  }

  @Override
  public String bestPractice() {
    return "A consumer reads from a stream that keeps records (Kafka, Kinesis), so that it can be"
        + " down and resume without loss.";
  }

  @Override
  public List<Finding> check(Blueprint bp) {
    List<Finding> out = new ArrayList<>();
    for (Stream s : bp.architectureOrEmpty().streams()) {
      if (Topology.keepsRecords(s)) {
        continue;
      }
      for (Consumer c : Topology.readersOf(bp, s)) {
        if (s.platformOrKafka() == Platform.EVENT_BUS
            && (c.maxOutage() == null
                || c.maxOutage().compareTo(Topology.EVENT_BUS_QUEUE_RETENTION) < 0)) {
          // the generated repository gives each bus consumer a queue that outlasts its outage
          continue;
        }
        out.add(
            finding(
                "consumer " + c.id(),
                "it reads "
                    + s.name()
                    + ", which keeps no records ("
                    + (s.retention() != null && s.retention().isZero()
                        ? "retention 0"
                        : "an event bus routes and forgets")
                    + "): every event sent while it is down is lost.",
                "Put a retained stream (Kafka or Kinesis) between the producer and "
                    + c.id()
                    + ", or give the bus target a durable queue with retention above the"
                    + " consumer's maxOutage (the generated queue keeps 14 days)."));
      }
    }
    return out;
  }
}
