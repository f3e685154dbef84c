package dev.blueprint.core.advice;

import java.util.List;
import java.util.Locale;

/** Turns ids people write into the names generated files need. */
final class Names {
  private Names() {}

  /** snake_case for datasets, pipeline and task ids: [a-z0-9_]. */
  static String snake(String s) {
    String out = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    return out.isEmpty() ? "x" : (Character.isDigit(out.charAt(0)) ? "d_" + out : out);
  }

  /** kebab-case for consumer ids. */
  static String kebab(String s) {
    return snake(s).replace('_', '-');
  }

  /** A Kafka-safe topic segment: [a-z0-9-]. */
  static String topic(String s) {
    return kebab(s);
  }

  /** Names as a sentence lists them: "a", "a and b", "a, b and c". */
  static String list(List<String> names) {
    int n = names.size();
    return n <= 1
        ? String.join("", names)
        : String.join(", ", names.subList(0, n - 1)) + " and " + names.get(n - 1);
  }
}
