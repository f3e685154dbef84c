package dev.blueprint.core.validate;

import dev.blueprint.core.model.Cache;
import dev.blueprint.core.model.ConsideredOption;
import dev.blueprint.core.model.Constraint;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Decision;
import dev.blueprint.core.model.Engagement;
import dev.blueprint.core.model.Field;
import dev.blueprint.core.model.FunctionalRequirement;
import dev.blueprint.core.model.NonFunctionalRequirement;
import dev.blueprint.core.model.Person;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Source;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.model.Task;
import dev.blueprint.core.model.TaskGroup;

/** How messages name an element: its kind and its name or id. */
final class Names {
  private Names() {}

  static String kind(Object element) {
    if (element instanceof Engagement) {
      return "engagement";
    }
    if (element instanceof Person) {
      return "person";
    }
    if (element instanceof FunctionalRequirement) {
      return "functional requirement";
    }
    if (element instanceof NonFunctionalRequirement) {
      return "non-functional requirement";
    }
    if (element instanceof Constraint) {
      return "constraint";
    }
    if (element instanceof Source) {
      return "source";
    }
    if (element instanceof Consumer) {
      return "consumer";
    }
    if (element instanceof Dataset) {
      return "dataset";
    }
    if (element instanceof Field) {
      return "field";
    }
    if (element instanceof Stream) {
      return "stream";
    }
    if (element instanceof Pipeline) {
      return "pipeline";
    }
    if (element instanceof TaskGroup) {
      return "task group";
    }
    if (element instanceof Task) {
      return "task";
    }
    if (element instanceof Cache) {
      return "cache";
    }
    if (element instanceof Decision) {
      return "decision";
    }
    if (element instanceof ConsideredOption) {
      return "option";
    }
    return "element";
  }

  static String nameOf(Object element) {
    if (element instanceof Engagement e) {
      return e.id();
    }
    if (element instanceof Person p) {
      return p.name();
    }
    if (element instanceof FunctionalRequirement r) {
      return r.id();
    }
    if (element instanceof NonFunctionalRequirement r) {
      return r.id();
    }
    if (element instanceof Constraint k) {
      return k.id();
    }
    if (element instanceof Source s) {
      return s.id();
    }
    if (element instanceof Consumer s) {
      return s.id();
    }
    if (element instanceof Dataset d) {
      return d.name();
    }
    if (element instanceof Field f) {
      return f.name();
    }
    if (element instanceof Stream s) {
      return s.name();
    }
    if (element instanceof Pipeline p) {
      return p.id();
    }
    if (element instanceof TaskGroup g) {
      return g.id();
    }
    if (element instanceof Task t) {
      return t.id();
    }
    if (element instanceof Cache x) {
      return x.name();
    }
    if (element instanceof Decision d) {
      return d.id();
    }
    if (element instanceof ConsideredOption o) {
      return o.name();
    }
    return null;
  }
}
