package dev.blueprint.core.advice;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.blueprint.core.advice.knowledge.Knowledge;
import dev.blueprint.core.advice.knowledge.OptionDef;
import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.EngagementKind;
import dev.blueprint.core.model.ExistingComponent;
import dev.blueprint.core.model.ExistingSystem;
import dev.blueprint.core.model.Intent;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.model.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Build versus improve: for an existing system, what stays, what changes and in which order to
 * migrate.
 */
@JsonPropertyOrder({"description", "components", "painPoints", "migration"})
public record CurrentState(
    String description, List<Fate> components, List<String> painPoints, List<String> migration) {

  public CurrentState {
    components = List.copyOf(components);
    painPoints = List.copyOf(painPoints);
    migration = List.copyOf(migration);
  }

  /** What happens to one component of the existing system. */
  @JsonPropertyOrder({"component", "fate", "detail"})
  public record Fate(String component, String fate, String detail) {}

  /** The current state against the proposal, or null for a build-new engagement. */
  static CurrentState of(
      Blueprint req,
      Architecture a,
      List<Matrix> matrices,
      Knowledge kb,
      List<Consumer> consumers) {
    if (req.engagement() == null || req.engagement().kind() != EngagementKind.IMPROVE_EXISTING) {
      return null;
    }
    ExistingSystem ex = req.engagement().existingSystem();
    List<Fate> fates = new ArrayList<>();
    List<String> changing = new ArrayList<>();
    if (ex != null && !ex.systems().isEmpty()) {
      // version 2: the fates follow from the systems' facts and intents, not from their names
      for (ExistingComponent sys : ex.systems()) {
        Fate f = fate(sys, a, matrices, kb);
        fates.add(f);
        if (f.fate().equals("changes")) {
          changing.add(sys.id());
        }
      }
    } else if (ex != null) {
      for (String comp : ex.components()) {
        Fate f = fate(comp, matrices, kb);
        fates.add(f);
        if (f.fate().equals("changes")) {
          changing.add(comp);
        }
      }
    }
    List<String> steps = new ArrayList<>();
    List<String> streams = a.streams().stream().map(Stream::name).toList();
    List<String> raw =
        a.datasets().stream().filter(d -> d.zone() == Zone.RAW).map(Dataset::name).toList();
    List<String> later =
        a.datasets().stream()
            .filter(d -> d.zone() == Zone.CURATED || d.zone() == Zone.SERVING)
            .map(Dataset::name)
            .toList();
    if (!streams.isEmpty()) {
      steps.add(
          "Stand up "
              + String.join(", ", streams)
              + " beside the current system and feed it (CDC or dual writes) while everything else keeps running.");
    }
    if (!raw.isEmpty()) {
      steps.add(
          "Land "
              + String.join(", ", raw)
              + " and backfill them from the current exports, so that history is there on day one.");
    }
    if (!later.isEmpty()) {
      steps.add(
          "Build "
              + String.join(", ", later)
              + " and run them side by side with today's outputs until the numbers agree (two weeks of daily comparisons).");
    }
    List<String> ids = req.consumers().stream().map(Consumer::id).toList();
    if (!ids.isEmpty()) {
      steps.add(
          "Move the consumers one at a time ("
              + String.join(", ", ids)
              + "), each with a way back to the old path.");
    }
    if (!changing.isEmpty()) {
      steps.add("Retire " + String.join(", ", changing) + " once no consumer reads from them.");
    }
    return new CurrentState(
        ex == null ? null : ex.description(),
        fates,
        ex == null ? List.of() : ex.painPoints(),
        steps);
  }

  /** What happens to an existing system (version 2): its intent, checked against the proposal. */
  private static Fate fate(
      ExistingComponent sys, Architecture a, List<Matrix> matrices, Knowledge kb) {
    String name = sys.id() + " (" + sys.technology() + ")";
    String option = Aliases.optionOf(sys.technology(), kb);
    List<String> moved = new ArrayList<>();
    for (String held : sys.holds()) {
      a.datasets().stream()
          .filter(d -> d.name().equals(held) && d.store() != null)
          .filter(d -> !d.store().name().toLowerCase(Locale.ROOT).replace('_', '-').equals(option))
          .forEach(
              d ->
                  moved.add(
                      held + " to " + d.store().name().toLowerCase(Locale.ROOT).replace('_', '-')));
    }
    Intent intent = sys.intentOrKeep();
    if (intent == Intent.REPLACE) {
      // a store's successor is where its data went; a scheduler's or stream's, the other choice
      String successor = moved.isEmpty() ? successor(option, matrices, kb) : null;
      return new Fate(
          name,
          "changes",
          "replaced, as the problem owner intends"
              + (successor == null ? "" : ", by " + successor)
              + (moved.isEmpty() ? "." : "; " + String.join(", ", moved) + "."));
    }
    if (!moved.isEmpty()) {
      return new Fate(
          name,
          "changes",
          "kept where it can be, but a requirement rules its family out for "
              + String.join(", ", moved)
              + " (see the assumptions).");
    }
    String role =
        sys.role() == null
            ? ""
            : " as " + sys.role().name().toLowerCase(Locale.ROOT).replace('_', '-');
    return new Fate(
        name,
        "stays",
        (intent == Intent.OPEN ? "its future is open; the proposal keeps it" : "kept")
            + role
            + (sys.holds().isEmpty() ? "" : ", holding " + String.join(", ", sys.holds()))
            + ": no requirement rules it out.");
  }

  /** What the proposal chose in the decision the replaced option belongs to. */
  private static String successor(String option, List<Matrix> matrices, Knowledge kb) {
    if (option == null) {
      return null;
    }
    for (Matrix m : matrices) {
      if (kb.decision(m.decision()).option(option) != null && !m.chosen().equals(option)) {
        return m.name(m.chosen()) + " (" + m.id() + ")";
      }
    }
    return null;
  }

  /**
   * The technology named first in the component decides (then the longest alias, then the option
   * that was chosen somewhere).
   */
  private static Fate fate(String component, List<Matrix> matrices, Knowledge kb) {
    String c = component.toLowerCase(Locale.ROOT);
    Matrix bestMatrix = null;
    OptionDef best = null;
    int bestAt = Integer.MAX_VALUE;
    int bestLength = 0;
    boolean bestChosen = false;
    for (Matrix m : matrices) {
      for (OptionDef o : kb.decision(m.decision()).options()) {
        for (String al : o.aliases()) {
          String a = al.toLowerCase(Locale.ROOT);
          int at = c.indexOf(a);
          if (at < 0) {
            continue;
          }
          boolean chosen = o.id().equals(m.chosen());
          boolean better =
              at < bestAt
                  || (at == bestAt && a.length() > bestLength)
                  || (at == bestAt && a.length() == bestLength && chosen && !bestChosen);
          if (better) {
            bestAt = at;
            bestLength = a.length();
            bestChosen = chosen;
            best = o;
            bestMatrix = m;
          }
        }
      }
    }
    if (best == null) {
      return new Fate(component, "stays", "not touched by this proposal.");
    }
    if (best.id().equals(bestMatrix.chosen())) {
      return new Fate(
          component,
          "stays",
          "keeps its role: "
              + best.name()
              + " is also the choice for "
              + bestMatrix.subject()
              + " ("
              + bestMatrix.id()
              + ").");
    }
    return new Fate(
        component,
        "changes",
        "replaced by "
            + bestMatrix.name(bestMatrix.chosen())
            + " for "
            + bestMatrix.subject()
            + " ("
            + bestMatrix.id()
            + "): "
            + bestMatrix.rationale());
  }
}
