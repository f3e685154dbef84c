package dev.blueprint.workflow.activities;

import java.io.IOException;
import java.nio.file.Path;

/** Publishes a generated tree as a git repository: one commit per approved revision. */
public interface PublishPort {

  /** What a publication produced. */
  record Published(Path repository, String commit, String remote) {}

  /**
   * Makes {@code repository}'s work tree equal {@code tree} and commits it with the trailer {@code
   * Blueprint-Revision: revision}; does nothing when that revision is already committed.
   */
  Published publish(Path tree, Path repository, int revision, String message) throws IOException;

  /** Removes the repository (and what was pushed, where the publisher pushed). */
  void unpublish(Path repository) throws IOException;

  /**
   * Whether publishing reaches outside the engagement's workspace (a push to a remote). When it
   * does not, the workflow (version 4 on) publishes as a local activity, like the other steps that
   * write only into the workspace.
   */
  default boolean pushes() {
    return true;
  }
}
