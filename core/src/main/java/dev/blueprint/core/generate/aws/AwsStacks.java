package dev.blueprint.core.generate.aws;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Durations;
import dev.blueprint.core.model.Platform;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.problem.Location;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The CloudFormation stacks of a blueprint's AWS streams, one per Kinesis stream and one per event
 * bus, with the names the templates, the README and the Makefile share: template file, stack name
 * and the logical ids of the IAM policies for each producer and consumer.
 */
public final class AwsStacks {
  private AwsStacks() {}

  /** Kinesis limits (the field guide; BP-KINESIS-002 checks the same on validation). */
  static final Duration MIN_RETENTION = Duration.ofHours(24);

  static final Duration MAX_RETENTION = Duration.ofDays(365);

  /** SQS keeps a message at most 14 days; the consumer queues and the dead-letter queue do. */
  static final int QUEUE_RETENTION_SECONDS = 14 * 24 * 3600;

  /** A CloudFormation stack name: a letter, then letters, digits and '-', at most 128. */
  private static final int STACK_NAME_MAX = 128;

  /** An EventBridge target id: 1 to 64 of letters, digits, '.', '-' and '_'. */
  private static final int TARGET_ID_MAX = 64;

  /**
   * A principal that writes to or reads from a stream, with its IAM policy's logical id.
   *
   * @param id the source, consumer or pipeline id of the blueprint
   * @param name the logical-id stem made from the id (letters and digits), unique in its stack
   * @param targetId the event-bus rule's target id (consumers of a bus only)
   * @param description what it is, from the blueprint, for a comment
   */
  public record Principal(String id, String name, String targetId, String description) {}

  /**
   * One stack.
   *
   * @param kind "kinesis" or "event-bus"
   * @param stream the stream (and bus) name
   * @param description the stream's description, for a comment
   * @param file the template's path in the generated repository
   * @param stackName the CloudFormation stack name the README and Makefile deploy it as
   * @param shardCount Kinesis shards (provisioned mode), null for on-demand mode
   * @param retentionHours Kinesis retention in hours (24 when the blueprint gives none)
   * @param archiveDays event-bus archive retention in days, null when no consumer needs replay
   * @param producers who writes
   * @param consumers who reads
   */
  public record Stack(
      String kind,
      String stream,
      String description,
      String file,
      String stackName,
      Integer shardCount,
      Integer retentionHours,
      Integer archiveDays,
      List<Principal> producers,
      List<Principal> consumers) {

    public Stack {
      producers = List.copyOf(producers);
      consumers = List.copyOf(consumers);
    }

    public boolean isKinesis() {
      return kind.equals("kinesis");
    }
  }

  /**
   * The stacks, Kinesis streams first, each kind sorted by stream name.
   *
   * @throws ProblemException BP-KINESIS-002 for a retention Kinesis cannot keep, naming the field,
   *     for callers that generate without validating first
   */
  public static List<Stack> of(Blueprint b) throws ProblemException {
    List<Stream> streams = b.architectureOrEmpty().streams();
    String engagement =
        b.engagement() == null || b.engagement().id() == null ? "blueprint" : b.engagement().id();
    List<Stack> kinesis = new ArrayList<>();
    List<Stack> buses = new ArrayList<>();
    Set<String> stackNames = new HashSet<>();
    List<Stream> sorted =
        streams.stream()
            .filter(s -> s.name() != null && s.platformOrKafka() != Platform.KAFKA)
            .sorted(java.util.Comparator.comparing(Stream::name))
            .toList();
    for (Stream s : sorted) {
      boolean isKinesis = s.platformOrKafka() == Platform.KINESIS;
      String kind = isKinesis ? "kinesis" : "event-bus";
      String stackName = unique(stackName(engagement, s.name()), stackNames, STACK_NAME_MAX);
      String file = "aws/" + kind + "/" + stackName + ".yaml";
      Set<String> names = new HashSet<>();
      List<Principal> producers = new ArrayList<>();
      for (String p : s.producers()) {
        producers.add(
            new Principal(p, unique("Producer" + pascal(p), names, 200), null, describe(b, p)));
      }
      List<Principal> consumers = new ArrayList<>();
      for (String c : s.consumers()) {
        consumers.add(
            new Principal(
                c, unique("Consumer" + pascal(c), names, 200), targetId(c), describe(b, c)));
      }
      if (isKinesis) {
        kinesis.add(
            new Stack(
                kind,
                s.name(),
                s.description(),
                file,
                stackName,
                s.partitions() != null && s.partitions() > 0 ? s.partitions() : null,
                retentionHours(s, streams.indexOf(s)),
                null,
                producers,
                consumers));
      } else {
        buses.add(
            new Stack(
                kind,
                s.name(),
                s.description(),
                file,
                stackName,
                null,
                null,
                archiveDays(b, s),
                producers,
                consumers));
      }
    }
    List<Stack> out = new ArrayList<>(kinesis);
    out.addAll(buses);
    return List.copyOf(out);
  }

  /** Whole hours, rounded up: 24 (Kinesis's default) when the blueprint gives no retention. */
  static int retentionHours(Stream s, int index) throws ProblemException {
    Duration r = s.retention() == null ? MIN_RETENTION : s.retention();
    if (r.compareTo(MIN_RETENTION) < 0 || r.compareTo(MAX_RETENTION) > 0) {
      throw new ProblemException(
          Problem.error(
                  "BP-KINESIS-002",
                  Location.ofFile("blueprint"),
                  "architecture.streams[" + index + "].retention",
                  "Kinesis stream '"
                      + s.name()
                      + "' keeps records for "
                      + Durations.format(r)
                      + "; Kinesis retention is from 24h to 365d")
              .withHint("retention must also exceed every reader's maxOutage"));
    }
    long hours = r.toHours();
    return (int) (r.equals(Duration.ofHours(hours)) ? hours : hours + 1);
  }

  /**
   * The archive's retention in whole days, rounded up, for the longest replay a consumer of the bus
   * asks for; null when none does (no archive then).
   */
  static Integer archiveDays(Blueprint b, Stream s) {
    Duration longest = Duration.ZERO;
    for (Consumer c : b.consumers()) {
      if (c.id() != null
          && s.consumers().contains(c.id())
          && c.replay() != null
          && c.replay().compareTo(longest) > 0) {
        longest = c.replay();
      }
    }
    if (longest.isZero()) {
      return null;
    }
    long days = longest.toDays();
    return (int) (longest.equals(Duration.ofDays(days)) ? days : days + 1);
  }

  /** The description of the source, consumer or pipeline of that id, if it has one. */
  private static String describe(Blueprint b, String id) {
    for (var src : b.sources()) {
      if (id.equals(src.id())) {
        return src.description();
      }
    }
    for (Consumer c : b.consumers()) {
      if (id.equals(c.id())) {
        return c.description();
      }
    }
    return b.architectureOrEmpty().pipeline(id).map(p -> p.description()).orElse(null);
  }

  /** engagement-stream with every run of other characters as one '-', starting with a letter. */
  static String stackName(String engagement, String stream) {
    String s = (engagement + "-" + stream).replaceAll("[^A-Za-z0-9]+", "-");
    s = s.replaceAll("^-+|-+$", "");
    if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
      s = "s-" + s;
    }
    return s;
  }

  /** Letters and digits of the id, each word capitalised: "fraud-review" is FraudReview. */
  static String pascal(String id) {
    StringBuilder b = new StringBuilder();
    for (String word : id.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        b.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
      }
    }
    return b.toString();
  }

  /** The id as a rule target id: other characters as '_', at most 64. */
  static String targetId(String id) {
    String t = id.replaceAll("[^A-Za-z0-9._-]", "_");
    return t.isEmpty() ? "consumer" : t.substring(0, Math.min(t.length(), TARGET_ID_MAX));
  }

  /** {@code name} cut to {@code max}, with a number appended when it is taken already. */
  private static String unique(String name, Set<String> taken, int max) {
    String base = name.substring(0, Math.min(name.length(), max));
    String candidate = base;
    for (int i = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); i++) {
      String suffix =
          (base.endsWith("-") || Character.isDigit(base.charAt(base.length() - 1)))
              ? "x" + i
              : String.valueOf(i);
      candidate = base.substring(0, Math.min(base.length(), max - suffix.length())) + suffix;
    }
    return candidate;
  }
}
