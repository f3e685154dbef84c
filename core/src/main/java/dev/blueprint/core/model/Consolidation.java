package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** How a dataset merges records of other datasets that share identity keys. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Consolidation(
    @JsonPropertyDescription("The datasets whose records are merged.") List<String> datasets,
    @JsonPropertyDescription("The identity key fields the records are matched on.")
        List<String> by) {

  public Consolidation {
    datasets = Lists.copy(datasets);
    by = Lists.copy(by);
  }
}
