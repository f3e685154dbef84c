package dev.blueprint.core.generate.airflow;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Airflow 3 gives runs that an asset event or a person started no logical date and no data
 * interval: {@code ds}, {@code ts}, {@code logical_date} and {@code data_interval_start/end} are
 * missing from their template context, and Jinja fails on the undefined name. This rewrites those
 * names inside a command's Jinja expressions ({@code {{ ... }}} and {@code {% ... %}}) into
 * expressions every run has: the logical date or else {@code dag_run.run_after}, and the
 * interval_start() / interval_end() macros of the generated DAG (the run's data interval, else the
 * interval of the runs behind the triggering asset events, else run_after). Text outside Jinja
 * expressions, attribute names ({@code x.ds}) and filters ({@code x | ds}) are left as they are.
 * Airflow 2 gives every run a logical date and needs none of this.
 */
public final class RunDates {
  private RunDates() {}

  /** A logical date every Airflow 3 run has. */
  private static final String DATE = "(dag_run.logical_date or dag_run.run_after)";

  private static final Map<String, String> NAMES =
      Map.of(
          "ds", "(" + DATE + " | ds)",
          "ds_nodash", "(" + DATE + " | ds_nodash)",
          "ts", "(" + DATE + " | ts)",
          "ts_nodash", "(" + DATE + " | ts_nodash)",
          "logical_date", DATE,
          "data_interval_start", "interval_start()",
          "data_interval_end", "interval_end()");

  /** Raw blocks and comments (group 1, kept as they are), then expressions and statements. */
  private static final Pattern EXPRESSION =
      Pattern.compile(
          "(\\{%-?\\s*raw\\s*-?%}.*?\\{%-?\\s*endraw\\s*-?%}|\\{#.*?#})|\\{\\{.*?}}|\\{%.*?%}",
          Pattern.DOTALL);

  /**
   * One of the names, as a whole word, not an attribute or filter name ({@code .ds}, {@code | ds})
   * nor a keyword argument or assignment target ({@code ds=}).
   */
  private static final Pattern NAME =
      Pattern.compile(
          "(?<![\\w.|'\"])(?<!\\|\\s{1,8})\\b(ds_nodash|ds|ts_nodash|ts|logical_date"
              + "|data_interval_start|data_interval_end)\\b(?!['\"])(?!\\s*=(?!=))");

  /** The text with the names rewritten inside its Jinja expressions. */
  public static String forAirflow3(String text) {
    if (text == null || text.indexOf('{') < 0) {
      return text;
    }
    Matcher m = EXPRESSION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String expression = m.group();
      String rewritten =
          m.group(1) != null
              ? expression
              : NAME.matcher(expression)
                  .replaceAll(r -> Matcher.quoteReplacement(NAMES.get(r.group(1))));
      m.appendReplacement(out, Matcher.quoteReplacement(rewritten));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Whether rewritten text calls the interval macros (the DAG must then define them). */
  public static boolean usesInterval(String rewritten) {
    return rewritten != null
        && (rewritten.contains("interval_start()") || rewritten.contains("interval_end()"));
  }
}
