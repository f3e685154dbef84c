package dev.blueprint.core.generate.storage;

import dev.blueprint.core.generate.Naming;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names that user strings become in places with strict rules: file names, Avro and Parquet names,
 * Cassandra keyspace and table names, Neo4j database names and labels. A name that had to change
 * gets a short hash of the original, so that two different originals never collide.
 */
public final class StorageNames {
  private StorageNames() {}

  private static final Pattern NOT_FILE_CHAR = Pattern.compile("[^A-Za-z0-9_.-]");
  private static final Pattern NOT_WORD_CHAR = Pattern.compile("[^A-Za-z0-9_]");
  private static final Pattern NOT_NEO4J_CHAR = Pattern.compile("[^a-z0-9.-]");
  private static final Pattern NOT_MONGO_CHAR = Pattern.compile("[^A-Za-z0-9_-]");
  private static final Pattern NOT_OBJECT_CHAR = Pattern.compile("[^a-z0-9_]");
  private static final Pattern DOTS_DASHES_AT_START = Pattern.compile("^[.-]+");
  private static final Pattern UNDERSCORES_AT_START = Pattern.compile("^_+");
  private static final Pattern NON_LETTERS_AT_START = Pattern.compile("^[^a-z]+");
  private static final Pattern DASHES_AT_START = Pattern.compile("^-+");

  /** A file or folder name: [A-Za-z0-9_.-], not starting with '.' or '-', at most 100 chars. */
  public static String fileStem(String name) {
    return sanitise(name, NOT_FILE_CHAR, DOTS_DASHES_AT_START, 100, "default");
  }

  /**
   * An Avro name: {@code [A-Za-z_][A-Za-z0-9_]*}. Other characters become '_', a leading digit gets
   * a '_' in front.
   */
  public static String avroName(String name) {
    String s = Naming.underscored(name == null ? "" : name);
    if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
      s = "_" + s;
    }
    return s;
  }

  /** An Avro namespace: dot-separated Avro names. */
  public static String avroNamespace(String engagementId) {
    if (engagementId == null || engagementId.isBlank()) {
      return "blueprint";
    }
    StringBuilder sb = new StringBuilder();
    for (String part : engagementId.split("\\.", -1)) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(avroName(part));
    }
    return sb.toString();
  }

  /** A Cassandra keyspace or table name: \w+ (letters, digits, '_'), at most 48 characters. */
  public static String cassandraName(String name) {
    String s = sanitise(name, NOT_WORD_CHAR, UNDERSCORES_AT_START, 48, "blueprint");
    return s.toLowerCase(Locale.ROOT);
  }

  /**
   * A Neo4j database name: lowercase ASCII letters, digits, '.' and '-', starting with a letter, 3
   * to 63 characters. '_' becomes '-'.
   */
  public static String neo4jDatabase(String name) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT).replace('_', '-');
    String s = sanitise(lower, NOT_NEO4J_CHAR, NON_LETTERS_AT_START, 63, "neo4j").replace('_', '-');
    if (s.length() < 3) {
      s = s + "-db";
    }
    return s;
  }

  /** A MongoDB database name: no /\. "$*<>:|? or space, at most 63 characters. */
  public static String mongoDatabase(String name) {
    return sanitise(name, NOT_MONGO_CHAR, DASHES_AT_START, 63, "blueprint");
  }

  /** A graph node label in PascalCase: page_views becomes PageViews. */
  public static String label(String datasetName) {
    StringBuilder sb = new StringBuilder();
    boolean upper = true;
    for (char c : datasetName.toCharArray()) {
      if (c == '_' || c == '-' || c == ' ' || c == '.') {
        upper = true;
      } else if (upper) {
        sb.append(Character.toUpperCase(c));
        upper = false;
      } else {
        sb.append(c);
      }
    }
    return sb.length() == 0 ? "Node" : sb.toString();
  }

  /** A name for a constraint or index: [a-z0-9_], unique through the hash when changed. */
  public static String objectName(String name) {
    return sanitise(
        name.toLowerCase(Locale.ROOT), NOT_OBJECT_CHAR, UNDERSCORES_AT_START, 120, "object");
  }

  private static String sanitise(
      String name, Pattern invalid, Pattern badStart, int maxLength, String empty) {
    String original = name == null ? "" : name;
    String s = badStart.matcher(invalid.matcher(original).replaceAll("_")).replaceAll("");
    if (s.equals(original) && !s.isEmpty() && s.length() <= maxLength) {
      return s;
    }
    String hash = shortHash(original);
    String base = s.isEmpty() ? empty : s;
    int keep = Math.max(1, maxLength - hash.length() - 1);
    if (base.length() > keep) {
      base = base.substring(0, keep);
    }
    return base + "_" + hash;
  }

  /** The first 8 hex digits of the SHA-256 of a string. */
  static String shortHash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
