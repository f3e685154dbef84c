package dev.blueprint.core.generate;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.ProblemException;
import java.io.IOException;
import java.util.Map;

/** What a contributor sees: the blueprint, the options, the templates and the output tree. */
public record GenerationContext(
    Blueprint blueprint, GeneratorOptions options, Templates templates, OutputTree out) {

  /**
   * Renders {@code template} with {@code model} (plus the blueprint and options, always present as
   * {@code blueprint}, {@code options} and the escapers as {@code esc}) into {@code path} of the
   * output tree. The template renders when the file is written: on a render thread when the
   * generation renders in parallel, so the model must not change afterwards.
   *
   * @param element the blueprint element being rendered, named in errors (e.g. "pipeline
   *     page_views_to_lake")
   */
  public void render(String template, String element, Map<String, Object> model, String path)
      throws IOException, ProblemException {
    out.write(path, w -> templates.render(template, element, withDefaults(model), w));
  }

  /**
   * Like {@link #render(String, String, Map, String)}, with a model built when the file renders: on
   * a render thread when the generation renders in parallel, so that a costly model (a whole
   * architecture's page) does not hold up the contributors that follow.
   */
  public void render(String template, String element, Model model, String path)
      throws IOException, ProblemException {
    out.write(path, w -> templates.render(template, element, withDefaults(model.build()), w));
  }

  /** A template's model, built when the file renders. */
  @FunctionalInterface
  public interface Model {
    Map<String, Object> build() throws IOException, ProblemException;
  }

  /**
   * Like {@link #render}, for a starting point the team owns once written: an earlier generation's
   * copy is kept as the team left it (see {@link OutputTree#writeOnce}).
   */
  public void renderOnce(String template, String element, Map<String, Object> model, String path)
      throws IOException, ProblemException {
    out.writeOnce(path, w -> templates.render(template, element, withDefaults(model), w));
  }

  Map<String, Object> withDefaults(Map<String, Object> model) {
    java.util.HashMap<String, Object> m = new java.util.HashMap<>(model);
    m.putIfAbsent("blueprint", blueprint);
    m.putIfAbsent("options", options);
    m.putIfAbsent("esc", dev.blueprint.core.generate.escape.Escapers.templateFunctions());
    return m;
  }
}
