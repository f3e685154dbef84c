package dev.blueprint.core.generate.docs;

import dev.blueprint.core.generate.Contributor;
import dev.blueprint.core.generate.GenerationContext;
import dev.blueprint.core.problem.ProblemException;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Writes docs/decisions/NNNN-slug.md per decision (MADR 4) and the index README.md. */
public final class DecisionRecordsContributor implements Contributor {

  @Override
  public String name() {
    return "decision-records";
  }

  @Override
  public void contribute(GenerationContext context) throws IOException, ProblemException {
    List<DecisionView> decisions = DecisionView.of(context.blueprint());
    for (DecisionView v : decisions) {
      context.render(
          "docs/decision.md.ftl",
          "decision " + v.title(),
          Map.of("view", v),
          "docs/decisions/" + v.file());
    }
    context.render(
        "docs/decisions-index.md.ftl",
        "decision index",
        Map.of("decisions", decisions),
        "docs/decisions/README.md");
  }
}
