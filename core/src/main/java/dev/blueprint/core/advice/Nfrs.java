package dev.blueprint.core.advice;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.NfrCategory;
import dev.blueprint.core.model.NonFunctionalRequirement;
import java.util.List;

/** The non-functional requirements of a category, and their ids: what drives a fact. */
final class Nfrs {
  private Nfrs() {}

  static List<NonFunctionalRequirement> of(Blueprint req, NfrCategory category) {
    return req.requirements().nonFunctional().stream()
        .filter(n -> n.category() == category)
        .toList();
  }

  static List<String> ids(Blueprint req, NfrCategory category) {
    return of(req, category).stream()
        .map(NonFunctionalRequirement::id)
        .filter(x -> x != null)
        .toList();
  }
}
