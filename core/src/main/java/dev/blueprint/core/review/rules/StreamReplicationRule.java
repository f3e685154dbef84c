package dev.blueprint.core.review.rules;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Platform;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.ReviewRule;
import dev.blueprint.core.review.Risk;
import java.util.ArrayList;
import java.util.List;

/** A durable Kafka stream needs replication 3 and min.insync.replicas 2 (at most RF - 1). */
public final class StreamReplicationRule implements ReviewRule {

  @Override
  public String id() {
    return "RV-SPOF-001";
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
    return "Every durable Kafka stream has replication factor 3 and min.insync.replicas 2, so one"
        + " broker can fail without losing acknowledged records or stopping writes.";
  }

  @Override
  public List<Finding> check(Blueprint bp) {
    List<Finding> out = new ArrayList<>();
    for (Stream s : bp.architectureOrEmpty().streams()) {
      if (s.platformOrKafka() != Platform.KAFKA) {
        continue;
      }
      int rf = s.replication() == null ? 1 : s.replication();
      int isr = s.minInsyncReplicas() == null ? 1 : s.minInsyncReplicas();
      String element = "stream " + s.name();
      if (rf < 3 || isr < 2) {
        out.add(
            finding(
                element,
                "replication "
                    + rf
                    + (s.replication() == null ? " (not set; the broker default is 1)" : "")
                    + " and min.insync.replicas "
                    + isr
                    + (s.minInsyncReplicas() == null ? " (not set; the default is 1)" : "")
                    + ": when one broker fails, acknowledged records can be lost or the topic"
                    + " goes offline.",
                "Set replication: 3 and minInsyncReplicas: 2, and produce with acks=all."));
      } else if (isr >= rf) {
        out.add(
            finding(
                element,
                "min.insync.replicas "
                    + isr
                    + " equals the replication factor "
                    + rf
                    + ": one broker down stops every write with acks=all.",
                "Set minInsyncReplicas to replication - 1 (2 for replication 3)."));
      }
    }
    return out;
  }
}
