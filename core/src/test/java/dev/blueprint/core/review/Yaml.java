package dev.blueprint.core.review;

import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.ProblemException;
import java.nio.charset.StandardCharsets;

/** Builds blueprints for tests from YAML text, through the real strict loader. */
public final class Yaml {
  private Yaml() {}

  public static Blueprint parse(String yaml) {
    try {
      return BlueprintLoader.parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8)).blueprint();
    } catch (ProblemException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** A blueprint with the given consumers and architecture sections (YAML, top-level indent). */
  public static Blueprint blueprint(String rest) {
    return parse("blueprint: 2\nengagement: {id: t, title: T, kind: build-new}\n" + rest);
  }
}
