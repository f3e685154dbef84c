package dev.blueprint.core.validate;

import dev.blueprint.core.model.Platform;
import dev.blueprint.core.model.Stream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Kafka topic rules from the field guide: BP-KAFKA-001 name characters and length; BP-KAFKA-002 two
 * names that differ only by '.' and '_' collide; BP-KAFKA-003 names starting with '__' are internal
 * to Kafka; BP-KAFKA-004 a config key a broker does not accept; BP-KAFKA-005 a config key that a
 * field of the stream already sets.
 */
final class KafkaRules implements Rule {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._-]+");
  static final int MAX_NAME = 249;

  /** Topic-level config keys a Kafka 4.4 broker accepts (LogConfig.nonInternalConfigNames). */
  static final Set<String> CONFIG_KEYS =
      Set.of(
          "cleanup.policy",
          "compression.type",
          "compression.gzip.level",
          "compression.lz4.level",
          "compression.zstd.level",
          "delete.retention.ms",
          "file.delete.delay.ms",
          "flush.messages",
          "flush.ms",
          "follower.replication.throttled.replicas",
          "leader.replication.throttled.replicas",
          "index.interval.bytes",
          "local.retention.bytes",
          "local.retention.ms",
          "max.compaction.lag.ms",
          "max.message.bytes",
          "min.cleanable.dirty.ratio",
          "min.compaction.lag.ms",
          "min.insync.replicas",
          "message.timestamp.after.max.ms",
          "message.timestamp.before.max.ms",
          "message.timestamp.type",
          "preallocate",
          "remote.log.copy.disable",
          "remote.log.delete.on.disable",
          "remote.storage.enable",
          "retention.bytes",
          "retention.ms",
          "segment.bytes",
          "segment.index.bytes",
          "segment.jitter.ms",
          "segment.ms",
          "unclean.leader.election.enable",
          "errors.deadletterqueue.group.enable",
          "max.decompressed.message.bytes",
          "remote.copy.lag.bytes",
          "remote.copy.lag.ms");

  /** Config keys that a field of {@link Stream} sets; giving both would contradict. */
  private static final Map<String, String> SET_BY_FIELD =
      Map.of(
          "cleanup.policy", "cleanupPolicy",
          "retention.ms", "retention",
          "min.insync.replicas", "minInsyncReplicas");

  @Override
  public void check(Context c) {
    List<Stream> streams = c.architecture().streams();
    Map<String, Integer> normalised = new HashMap<>();
    for (int i = 0; i < streams.size(); i++) {
      Stream s = streams.get(i);
      if (s.platformOrKafka() != Platform.KAFKA || s.name() == null) {
        continue;
      }
      String p = "architecture.streams[" + i + "]";
      String n = s.name();
      if (n.isEmpty()
          || n.length() > MAX_NAME
          || n.equals(".")
          || n.equals("..")
          || !NAME.matcher(n).matches()) {
        c.error(
            "BP-KAFKA-001",
            p + ".name",
            "Kafka topic name '"
                + n
                + "' is invalid: use 1 to "
                + MAX_NAME
                + " of the characters a-z A-Z 0-9 . _ -, and not '.' or '..'",
            "e.g. " + n.replaceAll("[^a-zA-Z0-9._-]+", "-"));
      }
      if (n.startsWith("__")) {
        c.error(
            "BP-KAFKA-003",
            p + ".name",
            "Kafka topic name '" + n + "' starts with '__', which Kafka keeps for internal topics",
            "drop the leading underscores");
      }
      Integer other = normalised.putIfAbsent(n.replace('.', '_'), i);
      if (other != null && !streams.get(other).name().equals(n)) {
        c.error(
            "BP-KAFKA-002",
            p + ".name",
            "Kafka topic name '"
                + n
                + "' collides with '"
                + streams.get(other).name()
                + "': names that differ only by '.' and '_' are the same to Kafka's metrics, and"
                + " the broker refuses the second",
            "use either '.' or '_' as separator throughout");
      }
      for (String key : s.config().keySet()) {
        String kp = p + ".config." + key;
        if (!CONFIG_KEYS.contains(key)) {
          String mean = Context.didYouMean(key, CONFIG_KEYS);
          c.error(
              "BP-KAFKA-004",
              kp,
              "stream '" + n + "' sets '" + key + "', which is not a topic-level config of Kafka",
              mean != null ? mean : "see the topic configs of the Kafka documentation");
        } else if (SET_BY_FIELD.containsKey(key)) {
          c.error(
              "BP-KAFKA-005",
              kp,
              "stream '"
                  + n
                  + "' sets '"
                  + key
                  + "' in config; set it with the field '"
                  + SET_BY_FIELD.get(key)
                  + "' instead, so that it is said once",
              "move the value to " + p + "." + SET_BY_FIELD.get(key));
        }
      }
    }
  }
}
