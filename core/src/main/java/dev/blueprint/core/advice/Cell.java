package dev.blueprint.core.advice;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One cell of a comparison matrix: an option's score on a criterion, and why. */
@JsonPropertyOrder({"option", "score", "reason", "source"})
public record Cell(String option, int score, String reason, String source) {}
