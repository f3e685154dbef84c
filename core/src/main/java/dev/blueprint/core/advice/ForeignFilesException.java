package dev.blueprint.core.advice;

import java.nio.file.FileSystemException;
import java.util.List;

/**
 * The output folder holds files that {@code blueprint advise} did not write, so even a forced run
 * refuses to replace it: the advisor never deletes a user's own files.
 */
public final class ForeignFilesException extends FileSystemException {
  private static final long serialVersionUID = 1L;

  private final List<String> names;

  public ForeignFilesException(String dir, List<String> names) {
    super(
        dir, null, "holds files that blueprint advise did not write: " + String.join(", ", names));
    this.names = List.copyOf(names);
  }

  /** The foreign entries, sorted by name. */
  public List<String> names() {
    return names;
  }
}
