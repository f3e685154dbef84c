package dev.blueprint.core.generate.storage;

import dev.blueprint.core.generate.storage.LakePaths.PartitionColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One dataset as the storage layout describes it: the row of storage/README.md and the entry of
 * storage/layout.yaml. Absent values are null (strings) or empty (lists).
 *
 * @param name the dataset's name
 * @param description what it holds
 * @param zone raw, clean, curated or serving
 * @param store the store family, e.g. wide-column
 * @param technology what the generated files target, e.g. Apache Cassandra
 * @param format the file format, or null
 * @param database the physical database or cluster, or null
 * @param uri the lake folder's URI (object storage), or null
 * @param assetUri the Airflow Asset URI the DAGs use for it
 * @param basePath the dataset's lake folder without partitions (object storage), or null
 * @param path the lake folder with partition placeholders (object storage), or null
 * @param location where the data is, in words
 * @param partitioning the partition levels
 * @param retention e.g. 30d, or null
 * @param retentionDays the retention in whole days, or null
 * @param owner the accountable team
 * @param domain the business domain
 * @param primaryKey the fields that identify a record
 * @param identityKeys the fields that identify a person or thing across sources
 * @param references "field -> dataset.field" for each reference
 * @param schemaFiles generated schema files, sorted
 * @param ddlFile the generated file that creates it, or null
 * @param writtenBy pipeline tasks (pipeline.task) that write it, sorted
 * @param readBy pipeline tasks (pipeline.task) that read it, sorted
 * @param consumers consumer ids that read it, sorted
 * @param valueSchemaOf streams whose message values have its schema, sorted
 * @param cachedBy caches in front of it, sorted
 */
public record DatasetEntry(
    String name,
    String description,
    String zone,
    String store,
    String technology,
    String format,
    String database,
    String uri,
    String assetUri,
    String basePath,
    String path,
    String location,
    List<PartitionColumn> partitioning,
    String retention,
    Long retentionDays,
    String owner,
    String domain,
    List<String> primaryKey,
    List<String> identityKeys,
    List<String> references,
    List<String> schemaFiles,
    String ddlFile,
    List<String> writtenBy,
    List<String> readBy,
    List<String> consumers,
    List<String> valueSchemaOf,
    List<String> cachedBy) {

  public DatasetEntry {
    partitioning = List.copyOf(partitioning);
    primaryKey = List.copyOf(primaryKey);
    identityKeys = List.copyOf(identityKeys);
    references = List.copyOf(references);
    schemaFiles = List.copyOf(schemaFiles);
    writtenBy = List.copyOf(writtenBy);
    readBy = List.copyOf(readBy);
    consumers = List.copyOf(consumers);
    valueSchemaOf = List.copyOf(valueSchemaOf);
    cachedBy = List.copyOf(cachedBy);
  }

  /** The partition levels joined for humans, e.g. "event_time by day"; empty when none. */
  public String partitioningText() {
    return String.join(
        ", ",
        partitioning.stream()
            .map(
                p ->
                    p.transform().equals("identity")
                        ? p.field()
                        : p.field() + " by " + p.transform())
            .toList());
  }

  /** The entry of storage/layout.yaml, without empty values. */
  public Map<String, Object> toYaml() {
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, "name", name);
    put(m, "description", description);
    put(m, "zone", zone);
    put(m, "store", store);
    put(m, "technology", technology);
    put(m, "format", format);
    put(m, "database", database);
    put(m, "uri", uri);
    put(m, "assetUri", assetUri);
    put(m, "basePath", basePath);
    put(m, "path", path);
    if (path == null) {
      put(m, "location", location);
    }
    if (!partitioning.isEmpty()) {
      m.put(
          "partitioning",
          partitioning.stream()
              .map(
                  p -> {
                    Map<String, Object> pm = new LinkedHashMap<>();
                    pm.put("field", p.field());
                    pm.put("transform", p.transform());
                    pm.put("column", p.column());
                    pm.put("valueFormat", p.valueFormat());
                    return pm;
                  })
              .toList());
    }
    put(m, "retention", retention);
    put(m, "retentionDays", retentionDays);
    put(m, "owner", owner);
    put(m, "domain", domain);
    put(m, "primaryKey", primaryKey);
    put(m, "identityKeys", identityKeys);
    put(m, "references", references);
    put(m, "schemas", schemaFiles);
    put(m, "ddl", ddlFile);
    put(m, "writtenBy", writtenBy);
    put(m, "readBy", readBy);
    put(m, "consumers", consumers);
    put(m, "valueSchemaOf", valueSchemaOf);
    put(m, "cachedBy", cachedBy);
    return m;
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value == null || (value instanceof List<?> l && l.isEmpty())) {
      return;
    }
    m.put(key, value);
  }
}
