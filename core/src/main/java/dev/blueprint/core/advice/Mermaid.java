package dev.blueprint.core.advice;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Cache;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Source;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.model.Task;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The chosen architecture as a Mermaid flowchart: sources, streams, pipelines, data, consumers. */
public final class Mermaid {
  private Mermaid() {}

  public static String diagram(Blueprint bp, List<String[]> extraEdges) {
    List<String> lines = new ArrayList<>();
    lines.add("flowchart LR");
    var a = bp.architectureOrEmpty();
    for (Source s : bp.sources()) {
      lines.add("  " + id("source:" + s.id()) + ">\"" + label(s.id()) + "\"]");
    }
    for (Stream s : a.streams()) {
      lines.add(
          "  "
              + id("stream:" + s.name())
              + "[[\""
              + label(
                  s.name()
                      + " ("
                      + s.platformOrKafka()
                          .name()
                          .toLowerCase(java.util.Locale.ROOT)
                          .replace('_', '-')
                      + ")")
              + "\"]]");
    }
    for (Pipeline p : a.pipelines()) {
      lines.add(
          "  "
              + id("pipeline:" + p.id())
              + "(\""
              + label(p.id() + " (Airflow " + (p.schedule() == null ? "" : p.schedule()) + ")")
              + "\")");
    }
    for (Dataset d : a.datasets()) {
      String store =
          d.store() == null
              ? ""
              : d.store().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      String fmt =
          d.format() == null ? "" : ", " + d.format().name().toLowerCase(java.util.Locale.ROOT);
      lines.add(
          "  "
              + id("dataset:" + d.name())
              + "[(\""
              + label(d.name() + " (" + store + fmt + ")")
              + "\")]");
    }
    for (Cache c : a.caches()) {
      lines.add("  " + id("cache:" + c.name()) + "{{\"" + label(c.name() + " (Redis)") + "\"}}");
    }
    for (Consumer c : bp.consumers()) {
      lines.add("  " + id("consumer:" + c.id()) + "([\"" + label(c.id()) + "\"])");
    }
    Set<String> edges = new LinkedHashSet<>();
    for (Stream s : a.streams()) {
      for (String p : s.producers()) {
        edges.add(edge(kind(bp, p), "stream:" + s.name(), "-->"));
      }
      for (String c : s.consumers()) {
        edges.add(edge("stream:" + s.name(), kind(bp, c), "-->"));
      }
    }
    for (Pipeline p : a.pipelines()) {
      for (Task t : p.tasks()) {
        for (String in : t.inputs()) {
          if (a.dataset(in).isPresent()) {
            edges.add(edge("dataset:" + in, "pipeline:" + p.id(), "-->"));
          }
        }
        for (String out : t.outputs()) {
          edges.add(edge("pipeline:" + p.id(), "dataset:" + out, "-->"));
        }
      }
    }
    for (String[] e : extraEdges) {
      edges.add(edge(e[0], e[1], "-->"));
    }
    for (Cache c : a.caches()) {
      if (c.caches() != null) {
        edges.add(edge("cache:" + c.name(), "dataset:" + c.caches(), "-. miss .->"));
      }
    }
    for (Consumer c : bp.consumers()) {
      for (String r : c.reads()) {
        if (a.dataset(r).isPresent()) {
          String via =
              a.caches().stream()
                  .filter(x -> r.equals(x.caches()))
                  .map(x -> "cache:" + x.name())
                  .findFirst()
                  .orElse("dataset:" + r);
          edges.add(edge(via, "consumer:" + c.id(), "-->"));
        }
      }
    }
    lines.addAll(edges);
    return String.join("\n", lines) + "\n";
  }

  private static String kind(Blueprint bp, String id) {
    if (bp.sources().stream().anyMatch(s -> id.equals(s.id()))) {
      return "source:" + id;
    }
    if (bp.architectureOrEmpty().pipeline(id).isPresent()) {
      return "pipeline:" + id;
    }
    return "consumer:" + id;
  }

  private static String edge(String from, String to, String arrow) {
    return "  " + id(from) + " " + arrow + " " + id(to);
  }

  static String id(String s) {
    return s.replaceAll("[^A-Za-z0-9]", "_");
  }

  private static String label(String s) {
    return s.replace("\"", "#quot;");
  }
}
