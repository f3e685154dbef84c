package dev.blueprint.workflow.activities;

import dev.blueprint.core.model.Blueprint;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Applies a blueprint's Kafka topics and DDL to configured targets, and undoes exactly what it
 * created (it records that in {@code stateDir}, so that an undo after a crash knows).
 */
public interface ProvisionPort {

  /** Applies; idempotent. Returns a one-line summary. */
  String apply(Blueprint blueprint, Path stateDir) throws IOException;

  /** Removes what {@link #apply} created; copes with a partial or missing apply. */
  void undo(Path stateDir) throws IOException;

  /**
   * Whether any target is configured. When none is, the workflow (version 4 on) skips the Provision
   * step: nothing would be applied, so there is nothing to undo either.
   */
  default boolean configured() {
    return true;
  }

  /** No targets configured: nothing to apply, nothing to undo. */
  ProvisionPort NONE =
      new ProvisionPort() {
        @Override
        public String apply(Blueprint blueprint, Path stateDir) {
          return "no targets configured";
        }

        @Override
        public void undo(Path stateDir) {}

        @Override
        public boolean configured() {
          return false;
        }
      };
}
