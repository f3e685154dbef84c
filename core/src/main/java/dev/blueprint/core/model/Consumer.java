package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.util.List;

/** Someone or something that reads the data. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "id",
  "description",
  "reads",
  "access",
  "traversalDepth",
  "peakReadsPerSecond",
  "readLatency",
  "freshness",
  "latency",
  "maxOutage",
  "orderPerKey",
  "replay",
  "writes",
  "transactions"
})
public record Consumer(
    String id,
    String description,
    @JsonPropertyDescription(
            "Names of the data, datasets and streams it reads, or source ids for a subscription to"
                + " a source's events.")
        List<String> reads,
    @JsonPropertyDescription(
            "How it reads (version 2): key-lookup, range-scan, analytical-scan, traversal,"
                + " full-text-search, event-subscription or file-export. Decides the store family.")
        AccessPattern access,
    @JsonPropertyDescription("With access traversal: the most hops one query follows, e.g. 3.")
        Integer traversalDepth,
    @JsonPropertyDescription("Reads per second at peak, e.g. 20000.") Double peakReadsPerSecond,
    @JsonPropertyDescription(
            "How fast one read must answer, e.g. {percentile: 99, value: 10ms}. Not freshness.")
        ReadLatency readLatency,
    @JsonPropertyDescription(
            "How old the data may be when it is read, e.g. 1m, 1h, 1d (version 1 called it"
                + " latency).")
        Duration freshness,
    @JsonPropertyDescription("Version-1 name of freshness; read from version-1 files only.")
        Duration latency,
    @JsonPropertyDescription(
            "The longest time it may be down and still resume without loss, e.g. 3d. Stream"
                + " retention must exceed it.")
        Duration maxOutage,
    @JsonPropertyDescription("True when it needs one key's events in the order they happened.")
        Boolean orderPerKey,
    @JsonPropertyDescription("How far back it must be able to read the events again, e.g. 7d.")
        Duration replay,
    @JsonPropertyDescription("True when it also writes: it owns data of its own.") Boolean writes,
    @JsonPropertyDescription("True when its writes need transactions over several records.")
        Boolean transactions) {

  public Consumer {
    reads = Lists.copy(reads);
  }

  /** A consumer described by the version-1 facts only. */
  public Consumer(
      String id, String description, List<String> reads, Duration freshness, Duration maxOutage) {
    this(
        id,
        description,
        reads,
        null,
        null,
        null,
        null,
        freshness,
        null,
        maxOutage,
        null,
        null,
        null,
        null);
  }

  /** The same consumer in version 2's terms: version 1's latency becomes freshness. */
  public Consumer migrated() {
    if (latency == null) {
      return this;
    }
    return new Consumer(
        id,
        description,
        reads,
        access,
        traversalDepth,
        peakReadsPerSecond,
        readLatency,
        freshnessOrLatency(),
        null,
        maxOutage,
        orderPerKey,
        replay,
        writes,
        transactions);
  }

  /** How old the data may be when read: {@link #freshness()}, or version 1's latency. */
  @JsonIgnore
  public Duration freshnessOrLatency() {
    return freshness != null ? freshness : latency;
  }
}
