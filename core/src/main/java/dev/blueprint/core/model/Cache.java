package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Duration;

/** A Redis cache in front of a dataset. Never the system of record. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Cache(
    String name,
    String description,
    @JsonPropertyDescription("The dataset whose records it caches (the system of record).")
        String caches,
    @JsonPropertyDescription("Redis key pattern, e.g. 'session:{tracker_id}'.") String keyPattern,
    @JsonPropertyDescription("Time to live of an entry, e.g. 30m.") Duration ttl,
    @JsonPropertyDescription("cache-aside (default), write-through or write-behind.")
        CacheWritePolicy writePolicy) {}
