package dev.blueprint.core.advice;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A rough capacity and cost estimate of one viable option: what it takes to run (partitions,
 * shards, nodes) and what it stores, with the formula, so that options are compared on what they
 * cost and not only on scores. Prices differ by provider and contract, so cost is given in the
 * units a price list uses (node-months, GB-months, shard-hours, events).
 */
@JsonPropertyOrder({"option", "capacity", "storage", "formula"})
public record Estimate(String option, String capacity, String storage, String formula) {}
