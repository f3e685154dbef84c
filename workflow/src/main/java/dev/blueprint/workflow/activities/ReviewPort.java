package dev.blueprint.workflow.activities;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.workflow.api.Finding;
import java.util.List;

/** The automated review of a blueprint against the architecture principles. */
@FunctionalInterface
public interface ReviewPort {
  List<Finding> review(Blueprint blueprint);
}
