package dev.blueprint.core.advice;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A setting the advisor computed, with the formula and the inputs it used. */
@JsonPropertyOrder({"element", "setting", "value", "formula", "inputs"})
public record Derivation(
    String element, String setting, String value, String formula, String inputs) {}
