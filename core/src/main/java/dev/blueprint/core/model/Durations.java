package dev.blueprint.core.model;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in blueprint files: {@code 500ms}, {@code 45s}, {@code 30m},
 * {@code 12h}, {@code 7d}, {@code 2w}, or ISO-8601 such as {@code PT5M} and {@code P7D}.
 */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d|w)");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException with a message that says what is accepted
   */
  public static Duration parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        case "d" -> Duration.ofDays(n);
        default -> Duration.ofDays(Math.multiplyExact(n, 7));
      };
    }
    if (t.startsWith("p")) {
      try {
        return Duration.parse(text.trim());
      } catch (DateTimeParseException e) {
        // fall through to the common message
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a duration; write e.g. 500ms, 45s, 30m, 12h, 7d, 2w or PT5M");
  }

  /** Formats a duration in the largest unit that divides it exactly: 7d, 36h, 90s, 250ms. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    }
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (ms % sizes[i] == 0) {
        return (ms / sizes[i]) + units[i];
      }
    }
    return ms + "ms";
  }
}
