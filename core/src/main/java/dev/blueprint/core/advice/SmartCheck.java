package dev.blueprint.core.advice;

import dev.blueprint.core.advice.knowledge.Facts;
import dev.blueprint.core.advice.knowledge.Knowledge;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.NfrCategory;
import dev.blueprint.core.model.NonFunctionalRequirement;
import dev.blueprint.core.model.Source;
import dev.blueprint.core.review.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks that each non-functional requirement is SMART: a metric, a comparator, a number with a
 * unit that fits its category, a scope or load condition, and a time frame. Vague words (fast,
 * scalable, real-time...) are flagged, and a measurable rewrite is suggested.
 */
public final class SmartCheck {
  private SmartCheck() {}

  public static List<SmartResult> check(Blueprint requirements, Knowledge kb) {
    String peak = peak(requirements);
    String owner =
        requirements.engagement() != null && requirements.engagement().problemOwner() != null
            ? requirements.engagement().problemOwner().name()
            : "the problem owner";
    List<SmartResult> out = new ArrayList<>();
    for (NonFunctionalRequirement n : requirements.requirements().nonFunctional()) {
      out.add(check(n, kb, peak, owner));
    }
    return out;
  }

  static SmartResult check(NonFunctionalRequirement n, Knowledge kb, String peak, String owner) {
    boolean metric = present(n.metric());
    boolean comparator = n.comparator() != null;
    boolean number = n.value() != null;
    boolean unit = present(n.unit());
    boolean scope = present(n.scope());
    boolean timeFrame = present(n.timeFrame());
    List<String> problems = new ArrayList<>();
    if (!metric) {
      problems.add("no metric (what is measured)");
    }
    if (!comparator) {
      problems.add("no comparator (<, <=, >, >=, =)");
    }
    if (!number) {
      problems.add("no number");
    }
    if (!unit) {
      problems.add("no unit");
    }
    if (!scope) {
      problems.add("no scope or load condition");
    }
    if (!timeFrame) {
      problems.add("no time frame");
    }
    if (n.category() == null) {
      problems.add("no category, so the advisor cannot weigh it");
    } else if (unit && !unitFits(n.category(), n.unit())) {
      problems.add("unit '" + n.unit() + "' does not measure " + category(n.category()));
    }
    if (number && n.value() < 0) {
      problems.add("a negative number");
    }
    List<String> vague = vagueWords(n.text(), kb.vagueWords());
    boolean smart = problems.isEmpty();
    String suggestion = null;
    if (!smart) {
      String key = n.category() == null ? "other" : category(n.category());
      String template = kb.rewrites().getOrDefault(key, kb.rewrites().get("other"));
      String filled =
          new Facts()
              .fill(
                  template,
                  Map.of(
                      "peak",
                      peak,
                      "owner",
                      owner,
                      "text",
                      String.valueOf(n.text()),
                      "target",
                      target(n, unit)));
      suggestion =
          filled
              + (filled.contains("<")
                  ? " (fill in the <...> parts with " + owner + ")"
                  : " (to agree with " + owner + ")");
    }
    return new SmartResult(
        n.id(),
        n.text(),
        metric,
        comparator,
        number,
        unit,
        scope,
        timeFrame,
        vague,
        problems,
        smart,
        suggestion);
  }

  /**
   * The compiled pattern of each vague word seen, kept: compiling one per word for every
   * requirement was most of the smart check's time. Words come from the knowledge files, a bounded
   * set; beyond {@link #MAX_WORD_PATTERNS} (user knowledge with many words) the rest are compiled
   * every time, as before.
   */
  private static final Map<String, Pattern> WORD_PATTERNS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int MAX_WORD_PATTERNS = 4096;

  private static Pattern wordPattern(String w) {
    return Pattern.compile(
        "(?<![a-z0-9-])" + Pattern.quote(w.toLowerCase(Locale.ROOT)) + "(?![a-z0-9-])");
  }

  /** The vague words in a text, in the knowledge base's order, whole words only. */
  public static List<String> vagueWords(String text, List<String> words) {
    List<String> found = new ArrayList<>();
    if (text == null) {
      return found;
    }
    String t = text.toLowerCase(Locale.ROOT);
    for (String w : words) {
      Pattern p = WORD_PATTERNS.get(w);
      if (p == null) {
        p = wordPattern(w);
        if (WORD_PATTERNS.size() < MAX_WORD_PATTERNS) {
          WORD_PATTERNS.putIfAbsent(w, p);
        }
      }
      if (p.matcher(t).find() && found.stream().noneMatch(f -> f.contains(w) || w.contains(f))) {
        found.add(w);
      }
    }
    return found;
  }

  /**
   * The number a rewrite asks for: the requirement's own number and unit when it states both (and
   * the unit measures its category), else a blank {@code <N>} in the category's usual unit. A
   * rewrite never invents the target.
   */
  private static String target(NonFunctionalRequirement n, boolean unit) {
    if (n.value() != null && unit && (n.category() == null || unitFits(n.category(), n.unit()))) {
      double v = n.value();
      String number =
          v == Math.rint(v) && Math.abs(v) < 1e15
              ? Facts.say(v)
              : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
      return number + " " + n.unit().strip();
    }
    String usual =
        n.category() == null
            ? "<unit>"
            : switch (n.category()) {
              case LATENCY -> "ms";
              case CONSISTENCY -> "s";
              case FRESHNESS -> "h";
              case DURABILITY, RETENTION, REPLAY -> "days";
              case THROUGHPUT, SCALABILITY -> "events/s";
              case AVAILABILITY, SECURITY -> "%";
              case COST -> "EUR";
              default -> "<unit>";
            };
    return "<N> " + usual;
  }

  static boolean unitFits(NfrCategory c, String unit) {
    String u = unit.toLowerCase(Locale.ROOT);
    return switch (c) {
      // a share of events on time ("99.5 % loaded by 05:00") is a valid freshness or latency SLO
      case LATENCY, FRESHNESS -> Units.duration(1.0, unit).isPresent() || u.contains("%");
      case RETENTION, REPLAY, DURABILITY -> Units.duration(1.0, unit).isPresent();
      case THROUGHPUT, SCALABILITY ->
          u.contains("/s") || u.contains("per second") || u.contains("/min") || u.contains("/h");
      case AVAILABILITY -> u.contains("%");
      default -> true;
    };
  }

  private static String category(NfrCategory c) {
    return c.name().toLowerCase(Locale.ROOT);
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  private static String peak(Blueprint bp) {
    double best = 0;
    for (Source s : bp.sources()) {
      if (s.volume() != null && s.volume().peakOrAverage() != null) {
        best = Math.max(best, s.volume().peakOrAverage());
      }
    }
    return best == 0 ? "<peak load>" : Facts.say(best) + " events/s peak";
  }
}
