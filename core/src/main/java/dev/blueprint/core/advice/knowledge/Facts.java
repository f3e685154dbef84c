package dev.blueprint.core.advice.knowledge;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the advisor knows about one decision's subject (e.g. a stream's required retention in days),
 * with the requirement ids each fact comes from.
 */
public final class Facts {
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, Set<String>> drivers = new LinkedHashMap<>();
  private final Map<String, String> unknowns = new LinkedHashMap<>();

  /** Sets a fact; null values are left unknown. */
  public Facts put(String name, Object value, String... because) {
    if (value != null) {
      values.put(name, value);
      drivers.computeIfAbsent(name, k -> new LinkedHashSet<>()).addAll(List.of(because));
    }
    return this;
  }

  /** Sets a fact driven by a list of requirement ids. */
  public Facts put(String name, Object value, List<String> because) {
    return put(name, value, because.toArray(new String[0]));
  }

  public Object get(String name) {
    return values.get(name);
  }

  /**
   * Marks a fact that would decide but is not stated: the decision is then low confidence, and
   * {@code assumed} (may be null) is what the advisor assumed in its place, which is set as the
   * fact's value so that the scoring can go on.
   */
  public Facts unknown(String name, Object assumed, String what) {
    unknowns.put(name, what);
    if (assumed != null) {
      values.put(name, assumed);
      drivers.computeIfAbsent(name, k -> new LinkedHashSet<>());
    }
    return this;
  }

  /** The facts that were not stated, each with what was missing (in the order marked). */
  public Map<String, String> unknowns() {
    return java.util.Collections.unmodifiableMap(unknowns);
  }

  /** A copy with one fact set to another value (for what-if analysis). */
  public Facts with(String name, Object value) {
    Facts copy = new Facts();
    copy.values.putAll(values);
    drivers.forEach((k, v) -> copy.drivers.put(k, new LinkedHashSet<>(v)));
    copy.unknowns.putAll(unknowns);
    if (value == null) {
      copy.values.remove(name);
    } else {
      copy.values.put(name, value);
    }
    return copy;
  }

  /** The requirement ids behind the facts that these conditions test. */
  public List<String> driversOf(List<Condition> conditions) {
    Set<String> out = new LinkedHashSet<>();
    if (conditions != null) {
      for (Condition c : conditions) {
        out.addAll(drivers.getOrDefault(c.fact(), Set.of()));
      }
    }
    return new ArrayList<>(out);
  }

  /** The facts in the order they were set, for the report. */
  @JsonValue
  public Map<String, Object> values() {
    return java.util.Collections.unmodifiableMap(values);
  }

  /**
   * Replaces {@code {fact}} placeholders (a brace, one or more ASCII letters, a brace) with the
   * facts' values, formatted for people; an unknown fact's placeholder stays. A scan for the braces
   * rather than a regular expression: the advice fills a few thousand templates per engagement and
   * the regex search was a third of the advisor's CPU samples (same result as {@code
   * \{([A-Za-z]+)\}} with find and replace, FactsFillTest).
   */
  public String fill(String template, Map<String, String> extra) {
    if (template == null) {
      return null;
    }
    int open = template.indexOf('{');
    if (open < 0) {
      return template;
    }
    StringBuilder sb = new StringBuilder(template.length() + 16);
    int copied = 0;
    while (open >= 0) {
      int end = open + 1;
      while (end < template.length() && isAsciiLetter(template.charAt(end))) {
        end++;
      }
      if (end > open + 1 && end < template.length() && template.charAt(end) == '}') {
        String name = template.substring(open + 1, end);
        String v = extra.containsKey(name) ? extra.get(name) : text(name);
        sb.append(template, copied, open).append(v == null ? "{" + name + "}" : v);
        copied = end + 1;
        open = template.indexOf('{', copied);
      } else {
        open = template.indexOf('{', open + 1);
      }
    }
    return sb.append(template, copied, template.length()).toString();
  }

  /**
   * A fact as a sentence says it. A fact named {@code ...Seconds} is a duration: it is said with
   * its unit, in seconds when whole ("60 s") and in milliseconds otherwise ("500 ms"), so a
   * sub-second latency never reads as 0 s. Other facts as {@link #say}.
   */
  private String text(String name) {
    Object v = values.get(name);
    if (name.endsWith("Seconds") && v instanceof Number n) {
      long ms = Math.round(n.doubleValue() * 1000);
      return ms % 1000 == 0 ? say(ms / 1000) + " s" : say(ms) + " ms";
    }
    return say(v);
  }

  /** Exact seconds of a duration for a {@code ...Seconds} fact: 60 for 1m, 0.5 for 500ms. */
  public static Number seconds(java.time.Duration d) {
    if (d == null) {
      return null;
    }
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (Number) (ms / 1000) : (Number) (ms / 1000.0);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  /** A value as people read it: 6,000 rather than 6000.0. */
  public static String say(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return String.format(Locale.ROOT, "%,d", (long) d);
      }
      return String.format(Locale.ROOT, "%,.2f", d);
    }
    return String.valueOf(v);
  }
}
