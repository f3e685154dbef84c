package dev.blueprint.core.generate;

/**
 * What a generation would do to one file of the target.
 *
 * @param path the file's path relative to the target, with '/'
 * @param kind added, changed, removed or unchanged
 * @param before the current content, null when added
 * @param after the new content, null when removed
 */
public record Change(String path, Kind kind, String before, String after) {

  /** The kinds of change. */
  public enum Kind {
    ADDED,
    CHANGED,
    REMOVED,
    UNCHANGED
  }
}
