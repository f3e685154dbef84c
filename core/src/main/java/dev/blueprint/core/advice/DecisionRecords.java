package dev.blueprint.core.advice;

import dev.blueprint.core.advice.knowledge.Facts;
import dev.blueprint.core.advice.knowledge.Knowledge;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Consequences;
import dev.blueprint.core.model.ConsideredOption;
import dev.blueprint.core.model.Decision;
import dev.blueprint.core.model.DecisionStatus;
import dev.blueprint.core.model.Person;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns each comparison matrix into a MADR decision record, with drivers linked to requirements.
 */
public final class DecisionRecords {
  private DecisionRecords() {}

  public static List<Decision> build(
      Blueprint req,
      Knowledge kb,
      List<Matrix> matrices,
      Map<String, List<String>> functionalDrivers,
      LocalDate date) {
    List<String> makers = new ArrayList<>();
    if (req.engagement() != null) {
      if (req.engagement().problemOwner() != null
          && req.engagement().problemOwner().name() != null) {
        makers.add(req.engagement().problemOwner().name());
      }
      for (Person p : req.engagement().stakeholders()) {
        if (p.name() != null) {
          makers.add(p.name());
        }
      }
    }
    List<Decision> out = new ArrayList<>();
    int n = 1;
    for (Matrix m : matrices) {
      out.add(
          record(
              String.format("ADR-%03d", n++),
              m,
              kb,
              functionalDrivers.getOrDefault(m.id(), List.of()),
              makers,
              date));
    }
    return out;
  }

  static Decision record(
      String id, Matrix m, Knowledge kb, List<String> frs, List<String> makers, LocalDate date) {
    Set<String> drivers = new LinkedHashSet<>(m.drivers());
    drivers.addAll(frs);
    if (drivers.isEmpty()) {
      // no requirement id applies: say so, and name the facts the choice rests on
      List<String> basis = new ArrayList<>();
      m.facts().values().forEach((k, v) -> basis.add(k + " = " + Facts.say(v)));
      drivers.add(
          "no stated requirement; the facts of "
              + m.subject()
              + (basis.isEmpty()
                  ? ""
                  : " (" + String.join(", ", basis.subList(0, Math.min(3, basis.size()))) + ")"));
    }
    List<ConsideredOption> options = new ArrayList<>();
    for (String o : m.options()) {
      List<String> pros = new ArrayList<>();
      List<String> cons = new ArrayList<>();
      for (Row r : m.rows()) {
        Cell c = r.cell(o);
        if (c.score() >= 4) {
          pros.add(cap(c.reason()));
        } else if (c.score() <= 2) {
          cons.add(cap(c.reason()));
        }
      }
      for (Knockout k : m.knockouts()) {
        if (k.option().equals(o)) {
          cons.add("Ruled out (" + k.rule() + "): " + k.reason());
        }
      }
      String summary = kb.decision(m.decision()).option(o).summary();
      options.add(new ConsideredOption(m.name(o), summary, dedupe(pros), dedupe(cons)));
    }
    List<String> good = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (Row r : m.rows()) {
      Cell c = r.cell(m.chosen());
      if (c.score() >= 4 && good.size() < 3) {
        good.add(cap(c.reason()));
      } else if (c.score() <= 2) {
        bad.add(cap(c.reason()));
      }
    }
    if (m.runnerUp() != null && !m.knockedOut(m.runnerUp())) {
      for (Row r : m.rows()) {
        Cell a = r.cell(m.chosen());
        Cell b = r.cell(m.runnerUp());
        if (b.score() > a.score() && b.score() - a.score() >= 2) {
          bad.add("Gives up what " + m.name(m.runnerUp()) + " does better: " + b.reason());
        }
      }
    }
    if (bad.isEmpty()) {
      bad.add(
          "Commits "
              + m.subject()
              + " to "
              + m.name(m.chosen())
              + "; moving to another option later means migrating the data and its consumers");
    }
    if (m.conflict() != null) {
      bad.add(
          "Does not follow constraint "
              + m.conflict().constraint()
              + " ("
              + m.conflict().requires()
              + "): "
              + m.conflict().explanation());
    }
    StringBuilder context = new StringBuilder(m.question());
    List<String> facts = new ArrayList<>();
    m.facts().values().forEach((k, v) -> facts.add(k + " = " + Facts.say(v)));
    if (!facts.isEmpty()) {
      context.append(" Facts: ").append(String.join("; ", facts)).append('.');
    }
    if (m.conflict() != null) {
      context.append(" Conflict: ").append(m.conflict().message());
    }
    String confirmation =
        new Facts().fill(kb.decision(m.decision()).confirmation(), Map.of("subject", m.subject()));
    return new Decision(
        id,
        m.name(m.chosen()) + " for " + m.subject(),
        DecisionStatus.PROPOSED,
        date,
        makers,
        context.toString(),
        new ArrayList<>(drivers),
        options,
        m.name(m.chosen()),
        m.rationale().startsWith(m.name(m.chosen()) + " ")
            ? "it" + m.rationale().substring(m.name(m.chosen()).length())
            : m.rationale(),
        new Consequences(dedupe(good), dedupe(bad)),
        confirmation);
  }

  private static List<String> dedupe(List<String> in) {
    return new ArrayList<>(new LinkedHashSet<>(in));
  }

  private static String cap(String s) {
    return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
