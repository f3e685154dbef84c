package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.util.List;

/**
 * Data that consumers read, described in a requirements document by the facts that decide where it
 * lives: its role, how long it lives, its size, its shape and whether it changes in transactions.
 * The advisor turns each into a dataset of the architecture.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "name",
  "description",
  "from",
  "role",
  "expiry",
  "rows",
  "shape",
  "transactions",
  "consolidateBy"
})
public record DataNeed(
    @JsonPropertyDescription("snake_case name; consumers read it by this name.") String name,
    String description,
    @JsonPropertyDescription("Ids of the sources that feed it.") List<String> from,
    @JsonPropertyDescription(
            "system-of-record (the only copy that counts), derived (can be rebuilt from its"
                + " sources) or cache (may be lost at any time).")
        DataRole role,
    @JsonPropertyDescription(
            "For ephemeral data: how long an entry lives after its last write, e.g. 30m (a TTL).")
        Duration expiry,
    @JsonPropertyDescription("Rows or items held, at most.") Long rows,
    @JsonPropertyDescription(
            "fixed (every record has the same attributes) or varies (per item or category).")
        DataShape shape,
    @JsonPropertyDescription("True when it is updated in transactions over several records.")
        Boolean transactions,
    @JsonPropertyDescription(
            "Identity keys, e.g. [tracker_id]: records of its sources that share them are one"
                + " person or thing, merged into one row per key and day.")
        List<String> consolidateBy) {
  public DataNeed {
    from = Lists.copy(from);
    consolidateBy = Lists.copy(consolidateBy);
  }
}
