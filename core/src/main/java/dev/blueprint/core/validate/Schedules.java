package dev.blueprint.core.validate;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks an Airflow schedule: a cron expression of five fields, a preset, assets or none. */
final class Schedules {
  static final Set<String> PRESETS =
      Set.of(
          "@once",
          "@continuous",
          "@hourly",
          "@daily",
          "@midnight",
          "@weekly",
          "@monthly",
          "@quarterly",
          "@yearly",
          "@annually");

  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

  private Schedules() {}

  /** What is wrong with {@code schedule}, or null when Airflow can read it. */
  static String problem(String schedule) {
    String s = schedule.trim();
    if (s.equals("none") || s.equals("assets")) {
      return null;
    }
    if (s.startsWith("@")) {
      return PRESETS.contains(s) ? null : "'" + s + "' is not a preset; use one of " + presets();
    }
    String[] fields = s.split("\\s+");
    if (fields.length != 5) {
      return "a cron expression has 5 fields (minute hour day-of-month month day-of-week), this"
          + " has "
          + fields.length;
    }
    String[] names = {"minute", "hour", "day of month", "month", "day of week"};
    int[] lo = {0, 0, 1, 1, 0};
    int[] hi = {59, 23, 31, 12, 7};
    for (int i = 0; i < 5; i++) {
      List<String> words = i == 3 ? MONTHS : i == 4 ? DAYS : List.of();
      int base = i == 3 ? 1 : 0;
      for (String part : fields[i].split(",", -1)) {
        String err = part(part, lo[i], hi[i], words, base);
        if (err != null) {
          return "the " + names[i] + " field '" + fields[i] + "' " + err;
        }
      }
    }
    return null;
  }

  private static String part(String part, int lo, int hi, List<String> words, int base) {
    String range = part;
    int slash = part.indexOf('/');
    if (slash >= 0) {
      range = part.substring(0, slash);
      Integer step = number(part.substring(slash + 1), List.of(), 0);
      if (step == null || step < 1 || step > hi) {
        return "has the step '"
            + part.substring(slash + 1)
            + "'; a step is a number from 1 to "
            + hi;
      }
    }
    if (range.equals("*")) {
      return null;
    }
    String[] ends = range.split("-", -1);
    if (ends.length > 2) {
      return "has the range '" + range + "'";
    }
    for (String end : ends) {
      Integer v = number(end, words, base);
      if (v == null) {
        return "has '" + end + "', which is not a number" + (words.isEmpty() ? "" : " or a name");
      }
      if (v < lo || v > hi) {
        return "has " + v + ", outside " + lo + "-" + hi;
      }
    }
    return null;
  }

  private static Integer number(String s, List<String> words, int base) {
    if (s.matches("\\d{1,3}")) {
      return Integer.parseInt(s);
    }
    int w = words.indexOf(s.toLowerCase(Locale.ROOT));
    return w < 0 ? null : w + base;
  }

  private static String presets() {
    return String.join(", ", PRESETS.stream().sorted().toList());
  }
}
