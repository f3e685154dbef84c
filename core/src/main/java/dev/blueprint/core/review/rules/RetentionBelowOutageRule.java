package dev.blueprint.core.review.rules;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Platform;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.ReviewRule;
import dev.blueprint.core.review.Risk;
import dev.blueprint.core.review.Topology;
import dev.blueprint.core.review.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stream retention must exceed the longest tolerated outage of its consumers; a Kinesis stream
 * cannot keep more than 365 days.
 */
public final class RetentionBelowOutageRule implements ReviewRule {

  @Override
  public String id() {
    return "RV-RET-001";
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
    return "A stream keeps records longer than the longest outage any of its consumers may have,"
        + " within what its platform can keep.";
  }

  @Override
  public List<Finding> check(Blueprint bp) {
    List<Finding> out = new ArrayList<>();
    for (Stream s : bp.architectureOrEmpty().streams()) {
      if (!Topology.keepsRecords(s)) {
        continue; // RV-SPOF-003 covers streams that keep nothing
      }
      Duration retention = Topology.effectiveRetention(s);
      String element = "stream " + s.name();
      if (s.platformOrKafka() == Platform.KINESIS
          && retention.compareTo(Topology.KINESIS_MAX_RETENTION) > 0) {
        out.add(
            finding(
                element,
                "retention "
                    + Units.say(retention)
                    + " is more than Kinesis Data Streams can keep (at most 365 days).",
                "Keep at most 365d on Kinesis and archive to the lake for longer replay, or use"
                    + " Kafka with the retention you need."));
      }
      Consumer longest = null;
      for (Consumer c : Topology.readersOf(bp, s)) {
        if (c.maxOutage() != null
            && (longest == null || c.maxOutage().compareTo(longest.maxOutage()) > 0)) {
          longest = c;
        }
      }
      if (longest != null && retention.compareTo(longest.maxOutage()) <= 0) {
        out.add(
            finding(
                element,
                "retention "
                    + Units.say(retention)
                    + (s.retention() == null ? " (not set; the platform default)" : "")
                    + " does not exceed the "
                    + Units.say(longest.maxOutage())
                    + " outage that "
                    + longest.id()
                    + " may have: records expire before it is back.",
                "Set retention to at least twice the longest maxOutage ("
                    + Units.say(longest.maxOutage().multipliedBy(2))
                    + ")."));
      }
    }
    return out;
  }
}
