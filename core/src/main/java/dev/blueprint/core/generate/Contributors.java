package dev.blueprint.core.generate;

import java.util.List;

/** The standard set of output concerns, in the order they run. */
public final class Contributors {
  private Contributors() {}

  /** Every contributor of a full generation. */
  public static List<Contributor> standard() {
    return List.of();
  }
}
