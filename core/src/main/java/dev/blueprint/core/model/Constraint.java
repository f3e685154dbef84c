package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A technology the problem owner or a stakeholder insists on, e.g. "all streams run on Kinesis, the
 * company's AWS standard". The advisor honours it unless a requirement rules the technology out;
 * then it explains the conflict instead of choosing silently.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"id", "text", "raisedBy", "requires", "avoids"})
public record Constraint(
    @JsonPropertyDescription("e.g. C-1.") String id,
    @JsonPropertyDescription("The constraint in words, as it was said.") String text,
    @JsonPropertyDescription("Who insists on it: a stakeholder's or the problem owner's name.")
        String raisedBy,
    @JsonPropertyDescription(
            "The option it requires, by the knowledge base's option id (kinesis, kafka, event-bus,"
                + " relational, parquet, redis, airflow) or a platform fact (cloud, aws, azure,"
                + " gcp, self-hosted, managed, serverless, self-managed).")
        String requires,
    @JsonPropertyDescription(
            "The option or platform fact it rules out, by the same ids, e.g. graph (version 2).")
        String avoids) {

  /** A constraint that only requires. */
  public Constraint(String id, String text, String raisedBy, String requires) {
    this(id, text, raisedBy, requires, null);
  }
}
