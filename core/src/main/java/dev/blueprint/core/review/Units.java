package dev.blueprint.core.review;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Converts the units people write in non-functional requirements. */
public final class Units {
  private Units() {}

  /** {@code value unit} as a duration to the millisecond, when the unit is one of time. */
  public static Optional<Duration> duration(Double value, String unit) {
    return seconds(value, unit).map(s -> Duration.ofMillis(Math.round(s * 1000)));
  }

  /** {@code value unit} as a duration to the nanosecond (a 0.5 ms read latency stays 0.5 ms). */
  public static Optional<Duration> exactDuration(Double value, String unit) {
    return seconds(value, unit).map(s -> Duration.ofNanos(Math.round(s * 1e9)));
  }

  private static Optional<Double> seconds(Double value, String unit) {
    if (value == null || unit == null) {
      return Optional.empty();
    }
    Double seconds =
        switch (unit.trim().toLowerCase(Locale.ROOT)) {
          case "ms", "millisecond", "milliseconds" -> value / 1000.0;
          case "s", "sec", "secs", "second", "seconds" -> value;
          case "m", "min", "mins", "minute", "minutes" -> value * 60;
          case "h", "hr", "hrs", "hour", "hours" -> value * 3600;
          case "d", "day", "days" -> value * 86_400;
          case "w", "week", "weeks" -> value * 7 * 86_400;
          case "month", "months" -> value * 30 * 86_400;
          case "y", "year", "years" -> value * 365 * 86_400;
          default -> null;
        };
    return Optional.ofNullable(seconds);
  }

  /** Days as a decimal number. */
  public static double days(Duration d) {
    return d.toMillis() / 86_400_000.0;
  }

  /** A duration the way people say it: 7d, 36h, 90s. */
  public static String say(Duration d) {
    return dev.blueprint.core.model.Durations.format(d);
  }
}
