package dev.blueprint.core.advice.knowledge;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the advisor knows about one decision's subject (e.g. a stream's required retention in days),
 * with the requirement ids each fact comes from.
 */
public final class Facts {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, Set<String>> drivers = new LinkedHashMap<>();

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

  /** Replaces {@code {fact}} placeholders with the facts' values, formatted for people. */
  public String fill(String template, Map<String, String> extra) {
    if (template == null) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String v = extra.containsKey(name) ? extra.get(name) : say(values.get(name));
      m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "{" + name + "}" : v));
    }
    m.appendTail(sb);
    return sb.toString();
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
