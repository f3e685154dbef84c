package dev.blueprint.core.advice.knowledge;

import java.util.List;

/**
 * A row of a comparison matrix. It applies when its conditions hold; requirements of its categories
 * drive it (their ids are shown in the row, and its weight counts double).
 */
public record CriterionDef(
    String id, String name, Integer weight, List<String> categories, List<Condition> when) {
  public CriterionDef {
    categories = categories == null ? List.of() : List.copyOf(categories);
    when = when == null ? List.of() : List.copyOf(when);
  }
}
