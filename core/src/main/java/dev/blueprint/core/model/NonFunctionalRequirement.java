package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * How well the solution must do it. SMART when metric, comparator, value, unit, scope and time
 * frame are all given, e.g. "p99 ingest latency &lt; 200 ms at 5,000 events/s peak, over any 5
 * minute window". A requirement given only as {@link #text()} is flagged by the advisor.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "id",
  "text",
  "category",
  "metric",
  "comparator",
  "value",
  "unit",
  "scope",
  "timeFrame",
  "about"
})
public record NonFunctionalRequirement(
    String id,
    @JsonPropertyDescription("The requirement in words, as the problem owner said it.") String text,
    @JsonPropertyDescription("What quality it is about; guides the advisor's scoring.")
        NfrCategory category,
    @JsonPropertyDescription("What is measured, e.g. 'p99 ingest latency'.") String metric,
    Comparator comparator,
    @JsonPropertyDescription("The number the metric is compared with.") Double value,
    @JsonPropertyDescription("Unit of value, e.g. ms, s, events/s, %, days, GB.") String unit,
    @JsonPropertyDescription("Which feature and under what load, e.g. 'at 5,000 events/s peak'.")
        String scope,
    @JsonPropertyDescription("When or over which window it holds, e.g. 'per calendar month'.")
        String timeFrame,
    @JsonPropertyDescription(
            "Ids of the consumers, data, sources or streams it constrains (version 2), so that it"
                + " drives exactly the decisions about them.")
        List<String> about) {

  public NonFunctionalRequirement {
    about = Lists.copy(about);
  }

  /** A requirement not linked to elements. */
  public NonFunctionalRequirement(
      String id,
      String text,
      NfrCategory category,
      String metric,
      Comparator comparator,
      Double value,
      String unit,
      String scope,
      String timeFrame) {
    this(id, text, category, metric, comparator, value, unit, scope, timeFrame, List.of());
  }

  /** True when every SMART field is present. */
  @JsonIgnore
  public boolean isStructured() {
    return notBlank(metric)
        && comparator != null
        && value != null
        && notBlank(unit)
        && notBlank(scope)
        && notBlank(timeFrame);
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
