package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Where the solution runs and who runs it: the facts that decide between self-run and managed
 * offerings (Kafka or Amazon MSK, Kinesis only on AWS) and that weigh the effort to run a store.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"hosting", "provider", "operations", "adopt", "avoid"})
public record PlatformFacts(
    @JsonPropertyDescription("self-hosted, or cloud (then name the provider).") Hosting hosting,
    @JsonPropertyDescription("aws, azure or gcp, when hosting is cloud.") CloudProvider provider,
    @JsonPropertyDescription(
            "Who runs the technology: self-managed (the team), managed (a provider's service)"
                + " or serverless.")
        Operations operations,
    @JsonPropertyDescription(
            "The organisation's standard technologies, by the knowledge base's option ids, e.g."
                + " [kafka, relational]; preferred where they meet the requirements.")
        List<String> adopt,
    @JsonPropertyDescription(
            "Technologies the organisation will not run, by option id, e.g. [graph].")
        List<String> avoid) {
  public PlatformFacts {
    adopt = Lists.copy(adopt);
    avoid = Lists.copy(avoid);
  }
}
