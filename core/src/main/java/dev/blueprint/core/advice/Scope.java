package dev.blueprint.core.advice;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Constraint;
import dev.blueprint.core.model.NonFunctionalRequirement;
import dev.blueprint.core.model.PlatformFacts;
import dev.blueprint.core.model.Requirements;
import java.util.List;
import java.util.Set;

/**
 * What one decision is about and what the requirements say of it: the ids of its elements (the
 * data, the consumers that read it, the sources that feed it), so that a requirement linked by
 * {@code about} drives only its own decisions; the constraints; and the organisation's standard and
 * avoided technologies.
 *
 * @param elements ids this decision concerns; empty when it concerns the whole engagement
 */
public record Scope(
    Requirements requirements, Set<String> elements, List<String> adopt, List<String> avoid) {

  public Scope {
    elements = Set.copyOf(elements);
    adopt = List.copyOf(adopt);
    avoid = List.copyOf(avoid);
  }

  /** The whole engagement, from a requirements document or blueprint. */
  public static Scope of(Blueprint req, Set<String> elements) {
    PlatformFacts p = req.platform();
    return new Scope(
        req.requirements(),
        elements,
        p == null ? List.of() : p.adopt(),
        p == null ? List.of() : p.avoid());
  }

  /** Requirements alone, about everything. */
  public static Scope of(Requirements requirements) {
    return new Scope(requirements, Set.of(), List.of(), List.of());
  }

  /**
   * Whether a requirement drives this decision: it is SMART (a vague one raises its question and
   * drives nothing until it is rewritten) and, when it names what it is about, names one of this
   * decision's elements.
   */
  public boolean drivenBy(NonFunctionalRequirement n) {
    if (!n.isStructured()) {
      return false;
    }
    return n.about().isEmpty()
        || elements.isEmpty()
        || n.about().stream().anyMatch(elements::contains);
  }

  public List<Constraint> constraints() {
    return requirements.constraints();
  }
}
