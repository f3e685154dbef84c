package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a measured value is compared with the required number. */
public enum Comparator {
  @JsonProperty("<")
  LT("<"),
  @JsonProperty("<=")
  LE("<="),
  @JsonProperty(">")
  GT(">"),
  @JsonProperty(">=")
  GE(">="),
  @JsonProperty("=")
  EQ("=");

  private final String symbol;

  Comparator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** True when {@code actual} satisfies "actual COMPARATOR required". */
  public boolean holds(double actual, double required) {
    return switch (this) {
      case LT -> actual < required;
      case LE -> actual <= required;
      case GT -> actual > required;
      case GE -> actual >= required;
      case EQ -> actual == required;
    };
  }
}
