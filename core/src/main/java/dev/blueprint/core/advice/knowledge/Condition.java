package dev.blueprint.core.advice.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/** A test on one fact: {@code {fact: retentionDays, op: ">", value: 365}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(String fact, String op, Object value) {

  /** The operators a condition may use. */
  public static final List<String> OPS = List.of("<", "<=", ">", ">=", "=", "!=", "in");

  /** True when the fact is known and satisfies the condition. Unknown facts never match. */
  public boolean test(Facts facts) {
    Object actual = facts.get(fact);
    if (actual == null) {
      return false;
    }
    if ("in".equals(op)) {
      return value instanceof List<?> list
          && list.stream().anyMatch(v -> Objects.equals(String.valueOf(v), text(actual)));
    }
    if (actual instanceof Number a && value instanceof Number v) {
      int c = Double.compare(a.doubleValue(), v.doubleValue());
      return switch (op) {
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        case ">=" -> c >= 0;
        case "=" -> c == 0;
        case "!=" -> c != 0;
        default -> false;
      };
    }
    boolean equal = Objects.equals(text(actual), text(value));
    return switch (op) {
      case "=" -> equal;
      case "!=" -> !equal;
      default -> false;
    };
  }

  private static String text(Object o) {
    return String.valueOf(o);
  }

  /** True when every condition holds (an empty list always holds). */
  public static boolean all(List<Condition> conditions, Facts facts) {
    return conditions == null || conditions.stream().allMatch(c -> c.test(facts));
  }
}
