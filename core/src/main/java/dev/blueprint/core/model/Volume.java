package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How much a source sends. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Volume(
    @JsonPropertyDescription("Average events per second.") Double eventsPerSecond,
    @JsonPropertyDescription("Peak events per second; defaults to the average.")
        Double peakEventsPerSecond,
    @JsonPropertyDescription("Average size of one event in bytes.") Long eventBytes,
    @JsonPropertyDescription("Total bytes held today, for batch sources.") Long totalBytes,
    @JsonPropertyDescription("Rows or records held today (version 2).") Long rows) {

  /** A volume without a row count. */
  public Volume(
      Double eventsPerSecond, Double peakEventsPerSecond, Long eventBytes, Long totalBytes) {
    this(eventsPerSecond, peakEventsPerSecond, eventBytes, totalBytes, null);
  }

  /** The peak rate, or the average when no peak is given, or null when neither is known. */
  public Double peakOrAverage() {
    return peakEventsPerSecond != null ? peakEventsPerSecond : eventsPerSecond;
  }
}
