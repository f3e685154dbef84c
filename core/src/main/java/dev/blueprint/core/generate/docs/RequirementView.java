package dev.blueprint.core.generate.docs;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.FunctionalRequirement;
import dev.blueprint.core.model.NonFunctionalRequirement;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A requirement as the docs show it, with the anchor that decision records link to.
 *
 * @param id e.g. NFR-1
 * @param anchor the HTML anchor in docs/architecture.md, e.g. req-nfr-1
 * @param text the requirement in words
 * @param functional true for a functional requirement
 * @param category the non-functional category, or ""
 * @param target metric, comparator, value and unit, e.g. "p99 latency < 200 ms", or ""
 * @param scope the scope, or ""
 * @param timeFrame the time frame, or ""
 * @param measurable true for functional ones and for SMART non-functional ones
 */
public record RequirementView(
    String id,
    String anchor,
    String text,
    boolean functional,
    String category,
    String target,
    String scope,
    String timeFrame,
    boolean measurable) {

  /** Every requirement by id, functional first, in blueprint order. */
  public static Map<String, RequirementView> index(Blueprint b) {
    Map<String, RequirementView> out = new LinkedHashMap<>();
    for (FunctionalRequirement r : b.requirements().functional()) {
      if (r.id() != null) {
        out.putIfAbsent(
            r.id(),
            new RequirementView(r.id(), anchor(r.id()), s(r.text()), true, "", "", "", "", true));
      }
    }
    for (NonFunctionalRequirement r : b.requirements().nonFunctional()) {
      if (r.id() != null) {
        out.putIfAbsent(
            r.id(),
            new RequirementView(
                r.id(),
                anchor(r.id()),
                s(r.text()),
                false,
                r.category() == null ? "" : r.category().name().toLowerCase(Locale.ROOT),
                target(r),
                s(r.scope()),
                s(r.timeFrame()),
                r.isStructured()));
      }
    }
    return out;
  }

  /** "metric comparator value unit" with the parts that are given. */
  static String target(NonFunctionalRequirement r) {
    StringBuilder sb = new StringBuilder();
    if (r.metric() != null) {
      sb.append(r.metric());
    }
    if (r.comparator() != null) {
      sb.append(sb.length() > 0 ? " " : "").append(r.comparator().symbol());
    }
    if (r.value() != null) {
      sb.append(sb.length() > 0 ? " " : "")
          .append(BigDecimal.valueOf(r.value()).stripTrailingZeros().toPlainString());
    }
    if (r.unit() != null) {
      sb.append(" ").append(r.unit());
    }
    return sb.toString().strip();
  }

  /** An HTML id: "req-" and the id in lowercase letters, digits and '-'. */
  static String anchor(String id) {
    return "req-"
        + id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  private static String s(String v) {
    return v == null ? "" : v;
  }
}
