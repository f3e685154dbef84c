package dev.blueprint.core.problem;

/**
 * One thing wrong with an input, with a stable rule id (e.g. {@code BP-REF-001}), where it is, the
 * element it concerns as a path such as {@code architecture.streams[2].name}, what is wrong and,
 * where one is known, how to fix it.
 */
public record Problem(
    String ruleId, Severity severity, Location location, String path, String message, String hint) {

  public static Problem error(String ruleId, Location location, String path, String message) {
    return new Problem(ruleId, Severity.ERROR, location, path, message, null);
  }

  public Problem withHint(String newHint) {
    return new Problem(ruleId, severity, location, path, message, newHint);
  }

  /** One line a person reads: {@code file:line:col: error BP-X-001 path: message (hint)}. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append(location).append(": ").append(severity.name().toLowerCase(java.util.Locale.ROOT));
    sb.append(' ').append(ruleId).append(": ");
    if (path != null && !path.isEmpty()) {
      sb.append(path).append(": ");
    }
    sb.append(message);
    if (hint != null && !hint.isEmpty()) {
      sb.append(" (").append(hint).append(')');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
