package dev.blueprint.core.validate;

import dev.blueprint.core.model.CleanupPolicy;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Durations;
import dev.blueprint.core.model.Platform;
import dev.blueprint.core.model.Stream;
import java.util.List;
import java.util.Set;

/**
 * A stream keeps data only for its retention, so a consumer that is down longer loses data:
 * BP-RET-001 retention shorter than a reading consumer's maxOutage; BP-RET-002 (warning) equal to
 * it, leaving no margin; BP-RET-003 (warning) a Kafka event stream with delete cleanup and no
 * explicit retention, which silently takes the broker's default.
 */
final class RetentionRules implements Rule {

  @Override
  public void check(Context c) {
    List<Stream> streams = c.architecture().streams();
    List<Consumer> consumers = c.blueprint().consumers();
    // a set per consumer, once: List.contains per stream and consumer was quadratic
    List<Set<String>> reads = consumers.stream().map(k -> Set.copyOf(k.reads())).toList();
    for (int i = 0; i < streams.size(); i++) {
      Stream s = streams.get(i);
      String p = "architecture.streams[" + i + "]";
      boolean deletes = s.cleanupPolicy() != CleanupPolicy.COMPACT;
      if (s.retention() == null) {
        if (s.platformOrKafka() == Platform.KAFKA && deletes) {
          c.warning(
              "BP-RET-003",
              p + ".name",
              "stream '"
                  + s.name()
                  + "' deletes old records but sets no retention, so the broker's"
                  + " default applies",
              "set retention longer than every reader's maxOutage, e.g. 7d");
        }
        continue;
      }
      if (!deletes) {
        continue;
      }
      for (int j = 0; j < consumers.size(); j++) {
        Consumer k = consumers.get(j);
        boolean isReader = reads.get(j).contains(s.name()) || s.consumers().contains(k.id());
        if (!isReader || k.maxOutage() == null) {
          continue;
        }
        int cmp = s.retention().compareTo(k.maxOutage());
        String msg =
            "stream '"
                + s.name()
                + "' keeps records for "
                + Durations.format(s.retention())
                + (cmp < 0 ? ", less than " : ", exactly ")
                + "the "
                + Durations.format(k.maxOutage())
                + " that its consumer '"
                + k.id()
                + "' may be down";
        if (cmp < 0) {
          c.error(
              "BP-RET-001",
              p + ".retention",
              msg + ", so records would be lost",
              "raise retention above " + Durations.format(k.maxOutage()));
        } else if (cmp == 0) {
          c.warning(
              "BP-RET-002", p + ".retention", msg + ", with no margin", "raise retention a little");
        }
      }
    }
  }
}
