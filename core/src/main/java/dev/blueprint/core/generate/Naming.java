package dev.blueprint.core.generate;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.StoreFamily;
import dev.blueprint.core.model.Zone;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place that derives names from the model, so that every generated file uses the same
 * topic, dataset, path and asset names: the DAGs' Assets, the storage layout, the Strimzi resources
 * and the docs all call these.
 */
public final class Naming {
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** A DNS-1123 subdomain, the rule for Kubernetes metadata.name. */
  private static final Pattern K8S_NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private static final int K8S_MAX = 253;

  /** The Kafka bootstrap port of a Strimzi cluster's plain listener. */
  public static final int KAFKA_PORT = 9092;

  private Naming() {}

  /** The lake bucket of an engagement: "{engagement id}-lake", or "lake" without an id. */
  public static String lakeBucket(Blueprint blueprint) {
    String id = blueprint.engagement() == null ? null : blueprint.engagement().id();
    return id == null || id.isBlank() ? "lake" : id + "-lake";
  }

  /**
   * A dataset's folder inside the lake, relative to the bucket: {@code zone/domain/name}, e.g.
   * {@code raw/web-analytics/page_views_raw}; without a domain {@code zone/name}; without a zone
   * the zone is {@code raw}.
   */
  public static String lakePath(Dataset dataset) {
    Zone zone = dataset.zone() == null ? Zone.RAW : dataset.zone();
    String z = zone.name().toLowerCase(Locale.ROOT);
    String domain = dataset.domain();
    return domain == null || domain.isBlank()
        ? z + "/" + dataset.name()
        : z + "/" + domain + "/" + dataset.name();
  }

  /** The lake URI of a dataset's folder: {@code s3://{bucket}/{lakePath}/}. */
  public static String lakeUri(Blueprint blueprint, Dataset dataset) {
    return "s3://" + lakeBucket(blueprint) + "/" + lakePath(dataset) + "/";
  }

  /**
   * The Airflow Asset (Airflow 3) or Dataset (Airflow 2) URI of a dataset, in the forms Airflow's
   * providers normalise: the lake URI for object storage, {@code postgres://host/db/schema/table}
   * for relational stores, and {@code scheme://database/name} for the other families.
   */
  public static String assetUri(Blueprint blueprint, Dataset dataset) {
    StoreFamily store = dataset.store() == null ? StoreFamily.OBJECT_STORAGE : dataset.store();
    String database = databaseOf(dataset);
    return switch (store) {
      case OBJECT_STORAGE -> lakeUri(blueprint, dataset);
      case RELATIONAL ->
          "postgres://"
              + database
              + "/"
              + database
              + "/"
              + dev.blueprint.core.ddl.PostgresDdl.schemaOf(dataset)
              + "/"
              + dataset.name();
      case DOCUMENT -> "mongodb://" + database + "/" + dataset.name();
      case KEY_VALUE -> "redis://" + database + "/" + dataset.name();
      case WIDE_COLUMN -> "cassandra://" + database + "/" + dataset.name();
      case GRAPH -> "neo4j://" + database + "/" + dataset.name();
    };
  }

  /** The Asset URI of a Kafka topic: {@code kafka://{bootstrap}/{topic}}. */
  public static String topicAssetUri(String strimziCluster, String topic) {
    return "kafka://" + kafkaBootstrap(strimziCluster) + "/" + topic;
  }

  /** The bootstrap address Strimzi gives a cluster's plain listener inside Kubernetes. */
  public static String kafkaBootstrap(String strimziCluster) {
    return strimziCluster + "-kafka-bootstrap:" + KAFKA_PORT;
  }

  /** The database (or cluster) a dataset lives in: its own, else its domain, else its name. */
  public static String databaseOf(Dataset dataset) {
    if (dataset.database() != null && !dataset.database().isBlank()) {
      return dataset.database();
    }
    if (dataset.domain() != null && !dataset.domain().isBlank()) {
      return dataset.domain().replace('-', '_');
    }
    return dataset.name();
  }

  /** True when {@code name} is a valid Kubernetes metadata.name (DNS-1123 subdomain). */
  public static boolean isK8sName(String name) {
    return name.length() <= K8S_MAX && K8S_NAME.matcher(name).matches();
  }

  /**
   * The Kubernetes metadata.name of a topic's KafkaTopic resource: the topic name itself when it is
   * a valid Kubernetes name, else a sanitised form (lowercase, other characters as '-') with a
   * short hash of the real name appended, so that {@code Orders_V1} and {@code orders-v1} cannot
   * collide. Such a resource must carry the real name in spec.topicName ({@link #needsTopicName}).
   */
  public static String k8sName(String topic) {
    if (isK8sName(topic)) {
      return topic;
    }
    String lower = topic.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    StringBuilder b = new StringBuilder();
    for (String segment : lower.split("\\.")) {
      String s = segment.replaceAll("^-+", "").replaceAll("-+$", "");
      if (!s.isEmpty()) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(s);
      }
    }
    String hash = "-" + shortHash(topic);
    String base = b.length() == 0 ? "topic" : b.toString();
    if (base.length() > K8S_MAX - hash.length()) {
      base = base.substring(0, K8S_MAX - hash.length()).replaceAll("[.-]+$", "");
    }
    return base + hash;
  }

  /** True when a KafkaTopic's metadata.name differs from the topic name. */
  public static boolean needsTopicName(String topic) {
    return !k8sName(topic).equals(topic);
  }

  /** The Airflow DAG file of a pipeline, relative to the repository root. */
  public static String dagFile(String pipelineId) {
    return "dags/" + pythonModule(pipelineId) + ".py";
  }

  /**
   * A Python module name for a pipeline id: ids may hold '.' and '-', which a module name may not.
   */
  public static String pythonModule(String id) {
    String m = underscored(id);
    return Character.isDigit(m.charAt(0)) ? "dag_" + m : m;
  }

  /**
   * Every character outside [A-Za-z0-9_] as '_': the start of the Python, Avro and Mermaid
   * identifiers made from blueprint ids.
   */
  public static String underscored(String s) {
    // what s.replaceAll("[^A-Za-z0-9_]", "_") gives (one '_' per code point, so a surrogate pair
    // becomes one), without a matcher, and without a copy for the ids that need no change
    int n = s.length();
    int i = 0;
    while (i < n && identifierChar(s.charAt(i))) {
      i++;
    }
    if (i == n) {
      return s;
    }
    StringBuilder b = new StringBuilder(n).append(s, 0, i);
    while (i < n) {
      int cp = s.codePointAt(i);
      b.append(cp < 128 && identifierChar((char) cp) ? (char) cp : '_');
      i += Character.charCount(cp);
    }
    return b.toString();
  }

  private static boolean identifierChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** A task command's words (the first is the job, script or query file it runs). */
  public static String[] commandWords(String command) {
    return SPACES.split(command.strip());
  }

  private static String shortHash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
