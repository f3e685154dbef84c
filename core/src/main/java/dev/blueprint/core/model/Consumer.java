package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Duration;
import java.util.List;

/** Someone or something that reads the data. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Consumer(
    String id,
    String description,
    @JsonPropertyDescription("Names of the datasets and streams it reads.") List<String> reads,
    @JsonPropertyDescription("How fresh the data must be, e.g. 5m, 1h, 1d.") Duration latency,
    @JsonPropertyDescription(
            "The longest time it may be down and still resume without loss, e.g. 3d. Stream"
                + " retention must exceed it.")
        Duration maxOutage) {

  public Consumer {
    reads = Lists.copy(reads);
  }
}
