package dev.blueprint.core.problem;

/** A place in a file: 1-based line and column. Line 0 means the whole file. */
public record Location(String file, int line, int column) {

  public static Location ofFile(String file) {
    return new Location(file, 0, 0);
  }

  @Override
  public String toString() {
    return line <= 0 ? file : file + ":" + line + ":" + column;
  }
}
