package dev.blueprint.core.generate.storage;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Cache;
import dev.blueprint.core.model.CacheWritePolicy;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Durations;
import dev.blueprint.core.model.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Redis key spaces: the caches in front of datasets and the key-value datasets themselves. */
public final class RedisKeys {
  private RedisKeys() {}

  /**
   * One Redis key space.
   *
   * @param name the cache's or dataset's name
   * @param kind "cache" or "key-value dataset"
   * @param description what it holds
   * @param keyPattern e.g. session:{tracker_id}
   * @param ttl e.g. 30m, or null when entries never expire
   * @param ttlSeconds the TTL in seconds, or null
   * @param writePolicy cache-aside, write-through or write-behind; null for a dataset
   * @param writePolicyText how reads and writes go under that policy
   * @param systemOfRecord the dataset that holds the authoritative records
   * @param systemOfRecordLocation where that dataset lives
   * @param fields the value's fields as "name: type"
   * @param file the generated Markdown file
   */
  public record KeySpace(
      String name,
      String kind,
      String description,
      String keyPattern,
      String ttl,
      Long ttlSeconds,
      String writePolicy,
      String writePolicyText,
      String systemOfRecord,
      String systemOfRecordLocation,
      List<String> fields,
      String file) {

    public KeySpace {
      fields = List.copyOf(fields);
    }

    /** The entry of storage/layout.yaml. */
    public Map<String, Object> toYaml() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      if (description != null) {
        m.put("description", description);
      }
      m.put("keyPattern", keyPattern);
      if (ttl != null) {
        m.put("ttl", ttl);
        m.put("ttlSeconds", ttlSeconds);
      }
      if (writePolicy != null) {
        m.put("writePolicy", writePolicy);
      }
      if (systemOfRecord != null) {
        m.put("systemOfRecord", systemOfRecord);
      }
      m.put("file", file);
      return m;
    }
  }

  /** The key pattern of a key-value dataset: name:{key1}:{key2}. */
  public static String keyPattern(Dataset d) {
    List<String> keys = !d.primaryKey().isEmpty() ? d.primaryKey() : d.identityKeys();
    StringBuilder sb = new StringBuilder(d.name());
    for (String k : keys) {
      sb.append(":{").append(k).append('}');
    }
    if (keys.isEmpty()) {
      sb.append(":{id}");
    }
    return sb.toString();
  }

  public static KeySpace ofCache(Cache c, Blueprint b) {
    CacheWritePolicy policy =
        c.writePolicy() == null ? CacheWritePolicy.CACHE_ASIDE : c.writePolicy();
    Dataset source =
        c.caches() == null ? null : b.architectureOrEmpty().dataset(c.caches()).orElse(null);
    String pattern =
        c.keyPattern() != null && !c.keyPattern().isBlank()
            ? c.keyPattern()
            : source == null ? c.name() + ":{id}" : keyPattern(source);
    return new KeySpace(
        c.name(),
        "cache",
        c.description(),
        pattern,
        c.ttl() == null ? null : Durations.format(c.ttl()),
        c.ttl() == null ? null : seconds(c.ttl()),
        policy.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
        policyText(policy),
        c.caches(),
        source == null ? null : Stores.location(source, b),
        source == null ? List.of() : fields(source),
        "storage/redis/" + StorageNames.fileStem(c.name()) + ".md");
  }

  public static KeySpace ofDataset(Dataset d, Blueprint b) {
    return new KeySpace(
        d.name(),
        "key-value dataset",
        d.description(),
        keyPattern(d),
        d.retention() == null ? null : Durations.format(d.retention()),
        d.retention() == null ? null : seconds(d.retention()),
        null,
        null,
        null,
        null,
        fields(d),
        Stores.ddlFile(d, b));
  }

  /** Whole seconds, at least 1: Redis EX takes a positive integer. */
  static long seconds(Duration d) {
    return Math.max(1, (d.toMillis() + 999) / 1000);
  }

  static List<String> fields(Dataset d) {
    List<String> out = new ArrayList<>();
    for (Field f : d.fields()) {
      out.add(
          f.name()
              + ": "
              + (f.type() == null ? "string" : f.type().name().toLowerCase(java.util.Locale.ROOT)));
    }
    return out;
  }

  static String policyText(CacheWritePolicy p) {
    return switch (p) {
      case CACHE_ASIDE ->
          "Cache-aside: the application reads the cache first; on a miss it reads the system of"
              + " record and writes the entry with the TTL. Writes go to the system of record and"
              + " delete the entry. The application must work, only slower, when Redis is down.";
      case WRITE_THROUGH ->
          "Write-through: every write goes to the system of record and then to the cache in the"
              + " same request, so reads after a write hit the cache. The TTL bounds staleness"
              + " left by failed cache writes.";
      case WRITE_BEHIND ->
          "Write-behind: writes go to the cache and are flushed to the system of record"
              + " asynchronously. Entries not yet flushed are lost if Redis fails: use it only"
              + " where that loss is acceptable, with persistence (AOF) on.";
    };
  }
}
