package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Duration;

/** How fast one read must answer: a percentile and a duration, e.g. p99 within 10ms. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ReadLatency(
    @JsonPropertyDescription("The percentile, e.g. 99 for p99.") Double percentile,
    @JsonPropertyDescription("The latency at that percentile, e.g. 10ms.") Duration value) {}
