package dev.blueprint.core.generate.docs;

import dev.blueprint.core.generate.Contributor;
import dev.blueprint.core.generate.GenerationContext;
import dev.blueprint.core.generate.storage.RedisKeys;
import dev.blueprint.core.generate.storage.StorageLayout;
import dev.blueprint.core.generate.storage.StorageNames;
import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Cache;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Durations;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.problem.ProblemException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes docs/architecture.md: the problem, a Mermaid flowchart of sources, streams, pipelines,
 * datasets and consumers, a table per part and the requirements with the anchors that decision
 * records link to.
 */
public final class ArchitectureContributor implements Contributor {

  @Override
  public String name() {
    return "architecture-page";
  }

  @Override
  public void contribute(GenerationContext context) throws IOException, ProblemException {
    // one large page: its model is built where it renders, beside the contributors that follow
    context.render(
        "docs/architecture.md.ftl",
        "architecture page",
        () -> model(context.blueprint()),
        "docs/architecture.md");
  }

  private static Map<String, Object> model(Blueprint b) {
    Architecture a = b.architectureOrEmpty();
    Map<String, Object> model = new HashMap<>();
    model.put("flow", DataFlow.of(b));
    model.put("pipelines", PipelineView.of(a.pipelines()));
    model.put("datasets", StorageLayout.entries(b));
    model.put("caches", a.caches().stream().map((Cache c) -> RedisKeys.ofCache(c, b)).toList());
    List<RequirementView> requirements = List.copyOf(RequirementView.index(b).values());
    model.put("functional", requirements.stream().filter(RequirementView::functional).toList());
    model.put("nonFunctional", requirements.stream().filter(r -> !r.functional()).toList());
    model.put("decisions", DecisionView.of(b));
    Map<String, String> durations = new HashMap<>();
    Map<String, String> schemaFiles = new HashMap<>();
    for (Stream s : a.streams()) {
      if (s.retention() != null) {
        durations.put(s.name(), Durations.format(s.retention()));
      }
      if (s.valueSchema() != null) {
        schemaFiles.put(s.name(), StorageNames.fileStem(s.valueSchema()) + ".avsc");
      }
    }
    for (Consumer c : b.consumers()) {
      if (c.freshnessOrLatency() != null) {
        durations.put("consumer latency " + c.id(), Durations.format(c.freshnessOrLatency()));
      }
      if (c.maxOutage() != null) {
        durations.put("consumer outage " + c.id(), Durations.format(c.maxOutage()));
      }
    }
    Map<String, String> sizes = new HashMap<>();
    for (dev.blueprint.core.model.Source s : b.sources()) {
      if (s.volume() != null && s.volume().eventBytes() != null) {
        sizes.put(s.id(), Sizes.human(s.volume().eventBytes()) + " per event");
      } else if (s.volume() != null && s.volume().totalBytes() != null) {
        sizes.put(s.id(), Sizes.human(s.volume().totalBytes()) + " in all");
      }
    }
    model.put("sizes", sizes);
    model.put("durations", durations);
    model.put("schemaFiles", schemaFiles);
    return model;
  }
}
