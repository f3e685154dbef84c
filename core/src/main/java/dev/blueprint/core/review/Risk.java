package dev.blueprint.core.review;

/** How much a finding endangers the solution, as in a Well-Architected review. */
public enum Risk {
  HIGH,
  MEDIUM,
  LOW;

  /** True when this risk is as bad as {@code threshold} or worse. */
  public boolean isAtLeast(Risk threshold) {
    return ordinal() <= threshold.ordinal();
  }
}
