package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A system that exists today, as facts: what it is, what it holds, how much of it there is, and
 * whether the engagement keeps it. The advisor keeps it unless a requirement cannot be met by it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"id", "technology", "role", "holds", "capacity", "intent"})
public record ExistingComponent(
    @JsonPropertyDescription("Slug id, e.g. orders-db.") String id,
    @JsonPropertyDescription(
            "What it is, by an option id or alias of the knowledge base, e.g. postgresql,"
                + " mongodb, redis, cassandra, neo4j, kafka, kinesis, s3, airflow, cron.")
        String technology,
    @JsonPropertyDescription("system-of-record, derived, cache, messaging or scheduler.")
        SystemRole role,
    @JsonPropertyDescription("Names of the data (from data:) it holds today.") List<String> holds,
    Capacity capacity,
    @JsonPropertyDescription("keep (the default), replace, or open (not decided yet).")
        Intent intent) {
  public ExistingComponent {
    holds = Lists.copy(holds);
  }

  /** The intent, keep when not stated. */
  public Intent intentOrKeep() {
    return intent == null ? Intent.KEEP : intent;
  }
}
