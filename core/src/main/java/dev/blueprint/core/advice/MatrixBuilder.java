package dev.blueprint.core.advice;

import dev.blueprint.core.advice.knowledge.Condition;
import dev.blueprint.core.advice.knowledge.CriterionDef;
import dev.blueprint.core.advice.knowledge.DecisionDef;
import dev.blueprint.core.advice.knowledge.Facts;
import dev.blueprint.core.advice.knowledge.KnockoutRule;
import dev.blueprint.core.advice.knowledge.Knowledge;
import dev.blueprint.core.advice.knowledge.OptionDef;
import dev.blueprint.core.advice.knowledge.ScoreRule;
import dev.blueprint.core.model.Constraint;
import dev.blueprint.core.model.NonFunctionalRequirement;
import dev.blueprint.core.model.Requirements;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores the options of one decision point from the knowledge base and the facts of its subject.
 * Weighted sum: each applicable criterion contributes weight x score (0..5); a criterion driven by
 * a stated requirement of its category counts {@code weight.drivenFactor} times. Knocked-out
 * options cannot be chosen. A constraint's option is chosen when it is not knocked out; when it is,
 * the conflict is explained.
 */
public final class MatrixBuilder {
  private MatrixBuilder() {}

  public static Matrix build(
      Knowledge kb,
      String id,
      String decisionId,
      String subject,
      Facts facts,
      Requirements requirements) {
    return build(kb, id, decisionId, subject, facts, Scope.of(requirements));
  }

  /**
   * The scored matrix, with its confidence: low when a deciding fact was not stated (and had to be
   * assumed) or when the margin over the runner-up is under {@code confidence.marginPercent}; the
   * note then names the facts that would change the choice.
   */
  public static Matrix build(
      Knowledge kb, String id, String decisionId, String subject, Facts facts, Scope scope) {
    Matrix m = score(kb, id, decisionId, subject, facts, scope);
    List<String> why = new ArrayList<>();
    facts
        .unknowns()
        .forEach(
            (fact, what) ->
                why.add(
                    what
                        + (facts.get(fact) == null
                            ? ""
                            : " (assumed " + Facts.say(facts.get(fact)) + ")")));
    Total chosen = m.total(m.chosen());
    Total runner = m.runnerUp() == null ? null : m.total(m.runnerUp());
    double marginPercent = kb.number("confidence.marginPercent");
    if (runner != null && !runner.knockedOut() && m.constraint() == null) {
      int margin = chosen.score() - runner.score();
      if (margin * 100.0 < marginPercent * Math.max(1, chosen.score())) {
        why.add(
            margin == 0
                ? "a tie with " + runner.name() + " (" + chosen.score() + " each)"
                : "a margin of "
                    + margin
                    + " over "
                    + runner.name()
                    + " ("
                    + chosen.score()
                    + " against "
                    + runner.score()
                    + ")");
      }
    }
    if (why.isEmpty()) {
      return m.withConfidence("high", null);
    }
    List<String> flips = flips(kb, id, decisionId, subject, facts, scope, m.chosen());
    String note =
        "Low confidence: "
            + String.join("; ", why)
            + "."
            + (flips.isEmpty()
                ? " No single fact would change the choice."
                : " It would change " + String.join("; ", flips) + ".");
    return m.withConfidence("low", note);
  }

  /**
   * What-if: each fact the decision's rules test, set to each value they compare it with (and just
   * past each number), and the first few that change the chosen option, unknown facts first.
   */
  private static List<String> flips(
      Knowledge kb,
      String id,
      String decisionId,
      String subject,
      Facts facts,
      Scope scope,
      String chosen) {
    DecisionDef def = kb.decision(decisionId);
    Map<String, Set<Object>> candidates = new LinkedHashMap<>();
    List<Condition> conditions = new ArrayList<>();
    def.criteria().forEach(c -> conditions.addAll(nonNull(c.when())));
    def.scores().forEach(s -> conditions.addAll(nonNull(s.when())));
    def.knockouts().forEach(k -> conditions.addAll(nonNull(k.when())));
    for (Condition c : conditions) {
      Set<Object> values = candidates.computeIfAbsent(c.fact(), k -> new LinkedHashSet<>());
      if (c.value() instanceof List<?> list) {
        values.addAll(list);
      } else if (c.value() instanceof Number n) {
        double v = n.doubleValue();
        values.add(v);
        values.add(v + 1);
        values.add(Math.max(0, v - 1));
      } else if (c.value() instanceof Boolean b) {
        values.add(b);
        values.add(!b);
      } else if (c.value() != null) {
        values.add(c.value());
      }
    }
    List<String> order = new ArrayList<>(facts.unknowns().keySet());
    candidates.keySet().stream().filter(f -> !order.contains(f)).forEach(order::add);
    List<String> out = new ArrayList<>();
    for (String fact : order) {
      if (!facts.values().containsKey(fact) && !facts.unknowns().containsKey(fact)) {
        continue; // a fact that does not apply to this subject
      }
      for (Object value : candidates.getOrDefault(fact, Set.of())) {
        if (sameValue(facts.get(fact), value)) {
          continue;
        }
        Matrix alt = score(kb, id, decisionId, subject, facts.with(fact, value), scope);
        if (!alt.chosen().equals(chosen)) {
          out.add("to " + alt.name(alt.chosen()) + " if " + fact + " were " + Facts.say(value));
          break;
        }
      }
      if (out.size() == 2) {
        break;
      }
    }
    return out;
  }

  private static boolean sameValue(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
    }
    return a != null && String.valueOf(a).equals(String.valueOf(b));
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static Matrix score(
      Knowledge kb, String id, String decisionId, String subject, Facts facts, Scope scope) {
    Requirements requirements = scope.requirements();
    DecisionDef def = kb.decision(decisionId);
    Map<String, String> extra = Map.of("subject", subject);
    int factor = (int) kb.number("weight.drivenFactor");

    List<Row> rows = new ArrayList<>();
    for (CriterionDef c : def.criteria()) {
      if (!Condition.all(c.when(), facts)) {
        continue;
      }
      List<String> drivers = new ArrayList<>();
      for (NonFunctionalRequirement n : requirements.nonFunctional()) {
        if (n.category() != null
            && c.categories().contains(category(n))
            && n.id() != null
            && scope.drivenBy(n)
            && !drivers.contains(n.id())) {
          drivers.add(n.id());
        }
      }
      int weight = c.weight() * (drivers.isEmpty() ? 1 : factor);
      List<Cell> cells = new ArrayList<>();
      for (OptionDef o : def.options()) {
        cells.add(cell(def, o, c, facts, extra));
      }
      rows.add(new Row(c.id(), c.name(), weight, drivers, cells));
    }
    List<String> adopted =
        scope.adopt().stream().filter(o -> def.option(o) != null).distinct().toList();
    if (!adopted.isEmpty()) {
      List<Cell> cells = new ArrayList<>();
      for (OptionDef o : def.options()) {
        boolean standard = adopted.contains(o.id());
        cells.add(
            new Cell(
                o.id(),
                standard ? 5 : 0,
                standard
                    ? "the organisation runs " + o.name() + " already: skills, tooling and support"
                    : "not among the organisation's standard technologies",
                "platform.adopt"));
      }
      rows.add(
          new Row(
              "standard",
              "The organisation's standard",
              (int) kb.number("weight.standard"),
              List.of(),
              cells));
    }

    List<Knockout> knockouts = new ArrayList<>();
    for (String avoided : scope.avoid()) {
      if (def.option(avoided) != null) {
        knockouts.add(
            new Knockout(
                "KO-PLAT-001",
                avoided,
                "The organisation does not run "
                    + def.option(avoided).name()
                    + " (platform.avoid).",
                List.of(),
                "Remove it from platform.avoid if the organisation would run it for this.",
                "platform.avoid"));
      }
    }
    for (Constraint k : scope.constraints()) {
      if (k.avoids() != null && def.option(k.avoids()) != null) {
        knockouts.add(
            new Knockout(
                "KO-CON-001",
                k.avoids(),
                "Constraint "
                    + k.id()
                    + (k.raisedBy() == null ? "" : " (" + k.raisedBy() + ")")
                    + " rules out "
                    + def.option(k.avoids()).name()
                    + ": "
                    + k.text(),
                List.of(k.id()),
                "Ask "
                    + (k.raisedBy() == null ? "the problem owner" : k.raisedBy())
                    + " to lift it.",
                "requirements.constraints " + k.id()));
      }
    }
    for (KnockoutRule k : def.knockouts()) {
      if (Condition.all(k.when(), facts)) {
        knockouts.add(
            new Knockout(
                k.id(),
                k.option(),
                facts.fill(k.reason(), extra),
                facts.driversOf(k.when()),
                facts.fill(k.resolution(), extra),
                k.source()));
      }
    }

    List<Total> totals = new ArrayList<>();
    for (OptionDef o : def.options()) {
      int sum = 0;
      for (Row r : rows) {
        sum += r.weight() * r.cell(o.id()).score();
      }
      boolean out = knockouts.stream().anyMatch(k -> k.option().equals(o.id()));
      totals.add(new Total(o.id(), o.name(), sum, out));
    }
    List<Total> ranked = new ArrayList<>(totals);
    // viable options first, then by score; ties keep the knowledge base's order (stable sort)
    ranked.sort(
        Comparator.comparing(Total::knockedOut)
            .thenComparing(Total::score, Comparator.reverseOrder()));

    Constraint constraint =
        requirements.constraints().stream()
            .filter(c -> c.requires() != null && def.option(c.requires()) != null)
            .findFirst()
            .orElse(null);
    Total best = ranked.get(0);
    Total chosen = best;
    Conflict conflict = null;
    String constraintNote = "";
    String requiredBy = null;
    if (constraint != null) {
      Total wanted =
          totals.stream()
              .filter(t -> t.option().equals(constraint.requires()))
              .findFirst()
              .orElseThrow();
      if (!wanted.knockedOut()) {
        chosen = wanted;
        requiredBy = constraint.id();
      } else {
        Knockout k =
            knockouts.stream()
                .filter(x -> x.option().equals(wanted.option()))
                .findFirst()
                .orElseThrow();
        conflict =
            new Conflict(
                constraint.id(),
                constraint.raisedBy(),
                wanted.name(),
                def.title(),
                subject,
                k.rule(),
                k.drivers(),
                k.reason(),
                best.name(),
                k.resolution() == null
                    ? "change the requirements that rule it out."
                    : k.resolution());
      }
    }
    final Total picked = chosen;
    Total runnerUp = ranked.stream().filter(t -> t != picked).findFirst().orElse(null);
    if (conflict != null) {
      // the option the constraint asked for is the trade-off the problem owner cares about
      runnerUp =
          totals.stream()
              .filter(t -> t.option().equals(constraint.requires()))
              .findFirst()
              .orElse(runnerUp);
    }
    if (best.knockedOut()) {
      constraintNote +=
          " Every option is ruled out by a knock-out; "
              + best.name()
              + " is the least bad and the requirements must be revisited.";
    }
    String rationale = rationale(picked, runnerUp, best, requiredBy, rows) + constraintNote;
    String tradeOff = tradeOff(picked, runnerUp, rows, knockouts);
    return new Matrix(
        id,
        def.decision(),
        def.title() + " for " + subject,
        subject,
        facts.fill(def.question(), extra),
        facts,
        def.options().stream().map(OptionDef::id).toList(),
        rows,
        knockouts,
        totals,
        picked.option(),
        runnerUp == null ? null : runnerUp.option(),
        rationale,
        tradeOff,
        constraint == null ? null : constraint.id(),
        conflict,
        "high",
        null,
        Estimates.of(def.decision(), facts, totals, kb));
  }

  private static String category(NonFunctionalRequirement n) {
    return n.category().name().toLowerCase(Locale.ROOT);
  }

  private static Cell cell(
      DecisionDef def, OptionDef o, CriterionDef c, Facts facts, Map<String, String> extra) {
    for (ScoreRule s : def.scores()) {
      if (s.option().equals(o.id())
          && s.criterion().equals(c.id())
          && Condition.all(s.when(), facts)) {
        return new Cell(o.id(), s.score(), facts.fill(s.reason(), extra), s.source());
      }
    }
    return new Cell(o.id(), 0, "not rated: the knowledge base has no score for this case", null);
  }

  /**
   * Why {@code chosen}: the highest score, a constraint ({@code requiredBy}, when one asked for it)
   * that overrides the scores, or a tie and what breaks it. Never calls a choice the highest score
   * when it is not, nor a tie a win.
   */
  private static String rationale(
      Total chosen, Total runnerUp, Total best, String requiredBy, List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    boolean tie = runnerUp != null && !runnerUp.knockedOut() && runnerUp.score() == chosen.score();
    String breaker =
        requiredBy != null
            ? "constraint " + requiredBy + " requires " + chosen.name() + ", which breaks the tie"
            : "the knowledge base's order, which lists " + chosen.name() + " first, breaks the tie";
    if (chosen != best && !tie) {
      sb.append("Constraint ")
          .append(requiredBy)
          .append(" requires ")
          .append(chosen.name())
          .append(" (")
          .append(chosen.score())
          .append("); on scores alone ")
          .append(best.name())
          .append(" (")
          .append(best.score())
          .append(") would lead");
    } else if (tie) {
      sb.append(chosen.name())
          .append(" ties with ")
          .append(runnerUp.name())
          .append(" on weighted score among the viable options (")
          .append(chosen.score())
          .append(" each), so the scores do not decide; ")
          .append(breaker);
    } else {
      sb.append(chosen.name())
          .append(" has the highest weighted score among the viable options (")
          .append(chosen.score());
      if (runnerUp != null) {
        sb.append(" against ").append(runnerUp.score()).append(" for ").append(runnerUp.name());
        if (runnerUp.knockedOut()) {
          sb.append(", which is ruled out");
        }
      }
      sb.append(")");
    }
    List<String> strengths = new ArrayList<>();
    for (Row r : rows) {
      Cell c = r.cell(chosen.option());
      if (c.score() >= 4 && !r.drivers().isEmpty()) {
        strengths.add(
            r.name().toLowerCase(Locale.ROOT)
                + " ("
                + String.join(", ", r.drivers())
                + "): "
                + c.reason());
      }
    }
    if (strengths.isEmpty()) {
      for (Row r : rows) {
        Cell c = r.cell(chosen.option());
        if (c.score() >= 4 && strengths.size() < 2) {
          strengths.add(r.name().toLowerCase(Locale.ROOT) + ": " + c.reason());
        }
      }
    }
    if (!strengths.isEmpty()) {
      sb.append("; ")
          .append(chosen != best && !tie ? chosen.name() : "it")
          .append(" is strong on ")
          .append(String.join("; ", strengths));
    }
    sb.append('.');
    if (requiredBy != null && chosen == best && !tie) {
      sb.append(" It is also what constraint ").append(requiredBy).append(" requires.");
    }
    return sb.toString();
  }

  private static String tradeOff(Total chosen, Total runnerUp, List<Row> rows, List<Knockout> kos) {
    if (runnerUp == null) {
      return "There is no other option to trade against.";
    }
    List<String> better = new ArrayList<>();
    List<String> worse = new ArrayList<>();
    for (Row r : rows) {
      Cell a = r.cell(chosen.option());
      Cell b = r.cell(runnerUp.option());
      if (b.score() > a.score()) {
        better.add(
            r.name().toLowerCase(Locale.ROOT)
                + " ("
                + b.score()
                + " vs "
                + a.score()
                + ": "
                + b.reason()
                + ")");
      } else if (a.score() > b.score()) {
        worse.add(r.name().toLowerCase(Locale.ROOT) + " (" + a.score() + " vs " + b.score() + ")");
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(chosen.name()).append(" over ").append(runnerUp.name()).append(": ");
    if (better.isEmpty()) {
      sb.append(runnerUp.name()).append(" is better on no criterion here");
    } else {
      sb.append(runnerUp.name()).append(" would be better on ").append(String.join("; ", better));
    }
    if (!worse.isEmpty()) {
      sb.append(", while ")
          .append(chosen.name())
          .append(" wins on ")
          .append(String.join(", ", worse));
    }
    for (Knockout k : kos) {
      if (k.option().equals(runnerUp.option())) {
        sb.append(". ").append(runnerUp.name()).append(" is ruled out anyway: ").append(k.reason());
        break;
      }
    }
    String s = sb.toString();
    return s.endsWith(".") ? s : s + ".";
  }
}
