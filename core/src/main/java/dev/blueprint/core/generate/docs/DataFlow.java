package dev.blueprint.core.generate.docs;

import dev.blueprint.core.generate.Naming;
import dev.blueprint.core.generate.storage.StorageLayout;
import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Cache;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Reference;
import dev.blueprint.core.model.Source;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.model.Task;
import dev.blueprint.core.model.Zone;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The data flow of a blueprint as a graph for the Mermaid diagram: sources, streams, pipelines,
 * datasets (by zone), caches and consumers, with every edge taken from the model: stream producers
 * and consumers, task inputs and outputs, consumer reads, caches and references. A producer or
 * consumer id that names nothing in the blueprint becomes an application node, so no edge is
 * dropped. Node ids are unique, [A-Za-z0-9_] and prefixed by kind.
 */
public final class DataFlow {

  /** A node: Mermaid id, label text (escaped by the template) and its group. */
  public record Node(String id, String label, String group) {}

  /** An edge; dashed edges are references, with a label. */
  public record Edge(String from, String to, boolean dashed, String label) {}

  /** A subgraph: Mermaid id, title and its nodes. */
  public record Group(String id, String title, List<Node> nodes) {
    public Group {
      nodes = List.copyOf(nodes);
    }
  }

  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Set<String> ids = new HashSet<>();
  private final Map<String, String> byKey = new LinkedHashMap<>();
  private final Set<Edge> edges = new LinkedHashSet<>();
  private final Map<String, String> groupTitles = new LinkedHashMap<>();

  private DataFlow() {}

  public static DataFlow of(Blueprint b) {
    DataFlow f = new DataFlow();
    Architecture a = b.architectureOrEmpty();
    f.groupTitles.put("sources", "Sources");
    f.groupTitles.put("streams", "Streams");
    f.groupTitles.put("pipelines", "Pipelines");
    for (Zone z : Zone.values()) {
      String zone = z.name().toLowerCase(Locale.ROOT);
      f.groupTitles.put("zone_" + zone, "Datasets: " + zone + " zone");
    }
    f.groupTitles.put("caches", "Caches");
    f.groupTitles.put("consumers", "Consumers");
    f.groupTitles.put("apps", "Other applications");
    for (Source s : b.sources()) {
      f.add(
          "source",
          s.id(),
          "src",
          s.id() + (s.kind() == null ? "" : " (" + kind(s.kind().name()) + ")"),
          "sources");
    }
    for (Stream s : a.streams()) {
      f.add(
          "stream",
          s.name(),
          "stm",
          s.name() + " (" + kind(s.platformOrKafka().name()) + ")",
          "streams");
    }
    for (Pipeline p : a.pipelines()) {
      f.add(
          "pipeline",
          p.id(),
          "pl",
          p.id() + (p.schedule() == null ? "" : " (" + p.schedule() + ")"),
          "pipelines");
    }
    for (Dataset d : StorageLayout.sorted(a.datasets())) {
      Zone z = d.zone() == null ? Zone.RAW : d.zone();
      String store = d.store() == null ? "" : kind(d.store().name());
      String format = d.format() == null ? "" : ", " + d.format().name().toLowerCase(Locale.ROOT);
      f.add(
          "dataset",
          d.name(),
          "ds",
          d.name() + " (" + store + format + ")",
          "zone_" + z.name().toLowerCase(Locale.ROOT));
    }
    for (Cache c : a.caches()) {
      f.add("cache", c.name(), "cache", c.name() + " (redis)", "caches");
    }
    for (Consumer c : b.consumers()) {
      f.add("consumer", c.id(), "con", c.id(), "consumers");
    }
    for (Stream s : a.streams()) {
      String stream = f.byKey.get("stream:" + s.name());
      for (String p : s.producers()) {
        f.edge(f.actor(p), stream, false, null);
      }
      for (String c : s.consumers()) {
        f.edge(stream, f.actor(c), false, null);
      }
    }
    for (Pipeline p : a.pipelines()) {
      String pipeline = f.byKey.get("pipeline:" + p.id());
      Set<String> written = new HashSet<>();
      p.tasks().forEach(t -> written.addAll(t.outputs()));
      for (Task t : p.tasks()) {
        for (String in : t.inputs()) {
          if (!written.contains(in)) { // an intermediate dataset of this pipeline: no back edge
            f.edge(f.data(in), pipeline, false, null);
          }
        }
        for (String out : t.outputs()) {
          f.edge(pipeline, f.data(out), false, null);
        }
      }
    }
    for (Cache c : a.caches()) {
      if (c.caches() != null) {
        f.edge(f.data(c.caches()), f.byKey.get("cache:" + c.name()), false, null);
      }
    }
    for (Consumer c : b.consumers()) {
      for (String r : c.reads()) {
        f.edge(f.data(r), f.byKey.get("consumer:" + c.id()), false, null);
      }
    }
    for (Dataset d : a.datasets()) {
      for (Reference r : d.references()) {
        f.edge(f.byKey.get("dataset:" + d.name()), f.data(r.dataset()), true, "references");
      }
    }
    return f;
  }

  /** Groups with nodes, in diagram order. */
  public List<Group> groups() {
    List<Group> out = new ArrayList<>();
    for (Map.Entry<String, String> g : groupTitles.entrySet()) {
      List<Node> in = nodes.values().stream().filter(n -> n.group().equals(g.getKey())).toList();
      if (!in.isEmpty()) {
        out.add(new Group("grp_" + g.getKey(), g.getValue(), in));
      }
    }
    return out;
  }

  public List<Edge> edges() {
    return List.copyOf(edges);
  }

  public List<Node> nodes() {
    return List.copyOf(nodes.values());
  }

  /** A stream producer or consumer: a source, pipeline or consumer id, else an application. */
  private String actor(String name) {
    for (String kind : List.of("source", "pipeline", "consumer")) {
      String id = byKey.get(kind + ":" + name);
      if (id != null) {
        return id;
      }
    }
    String app = byKey.get("app:" + name);
    return app != null ? app : add("app", name, "app", name, "apps");
  }

  /** A task input or output or a consumer read: a dataset, stream or cache, else an application. */
  private String data(String name) {
    for (String kind : List.of("dataset", "stream", "cache")) {
      String id = byKey.get(kind + ":" + name);
      if (id != null) {
        return id;
      }
    }
    String app = byKey.get("app:" + name);
    return app != null ? app : add("app", name, "app", name, "apps");
  }

  private void edge(String from, String to, boolean dashed, String label) {
    if (from != null && to != null) {
      edges.add(new Edge(from, to, dashed, label));
    }
  }

  private String add(String kind, String name, String prefix, String label, String group) {
    String key = kind + ":" + name;
    if (byKey.containsKey(key)) {
      return byKey.get(key);
    }
    String base = prefix + "_" + Naming.underscored(name);
    String id = base;
    for (int i = 2; !ids.add(id); i++) {
      id = base + "_" + i;
    }
    byKey.put(key, id);
    nodes.put(id, new Node(id, label, group));
    return id;
  }

  private static String kind(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
