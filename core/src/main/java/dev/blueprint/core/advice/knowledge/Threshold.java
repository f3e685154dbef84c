package dev.blueprint.core.advice.knowledge;

/** A number behind a derived setting, with its unit and source. */
public record Threshold(String id, Double value, String unit, String source) {}
