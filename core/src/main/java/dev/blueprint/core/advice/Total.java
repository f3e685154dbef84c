package dev.blueprint.core.advice;

/** An option's weighted score: the sum of weight times score over the rows. */
public record Total(String option, String name, int score, boolean knockedOut) {}
