package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How much of an existing system there is: what availability and throughput it can give. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Capacity(
    @JsonPropertyDescription("Nodes or instances that serve it.") Integer nodes,
    @JsonPropertyDescription("Copies of each record (1 = no replica).") Integer replicas,
    @JsonPropertyDescription("Kafka brokers, for a messaging system.") Integer brokers,
    @JsonPropertyDescription("Availability zones or data centres it spans.") Integer zones) {}
