package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.util.List;

/** Data at rest: a table, collection, key space, graph or a folder of files in a lake zone. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "name",
  "description",
  "owner",
  "domain",
  "zone",
  "store",
  "format",
  "database",
  "instances",
  "fields",
  "primaryKey",
  "identityKeys",
  "partitioning",
  "retention",
  "references",
  "consolidates"
})
public record Dataset(
    @JsonPropertyDescription("snake_case name; becomes table, file and path names.") String name,
    String description,
    @JsonPropertyDescription("The team accountable for the data.") String owner,
    @JsonPropertyDescription("The business domain or service the data belongs to.") String domain,
    Zone zone,
    StoreFamily store,
    @JsonPropertyDescription("File format, for object storage and for exports.") DataFormat format,
    @JsonPropertyDescription(
            "The physical database or cluster the data lives in; datasets of different domains"
                + " should not share one.")
        String database,
    @JsonPropertyDescription("Number of store instances or replicas serving the data.")
        Integer instances,
    List<Field> fields,
    @JsonPropertyDescription("Fields that identify a record.") List<String> primaryKey,
    @JsonPropertyDescription(
            "Fields that identify the same person or thing across sessions and sources, used to"
                + " consolidate records (e.g. an analytics tracker id).")
        List<String> identityKeys,
    @JsonPropertyDescription("How files or rows are partitioned, in order.")
        List<Partition> partitioning,
    @JsonPropertyDescription("How long data is kept, e.g. 400d.") Duration retention,
    @JsonPropertyDescription("Fields that point at records in another dataset or database.")
        List<Reference> references,
    @JsonPropertyDescription("When this dataset consolidates others by identity keys.")
        Consolidation consolidates) {

  public Dataset {
    fields = Lists.copy(fields);
    primaryKey = Lists.copy(primaryKey);
    identityKeys = Lists.copy(identityKeys);
    partitioning = Lists.copy(partitioning);
    references = Lists.copy(references);
  }
}
