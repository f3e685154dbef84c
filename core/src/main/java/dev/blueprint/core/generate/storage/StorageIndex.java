package dev.blueprint.core.generate.storage;

import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Cache;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.model.Task;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Who writes, reads and describes each dataset, indexed once per architecture. The storage layout
 * asks these questions for every dataset, and answering each by scanning every pipeline, stream and
 * consumer made generating a blueprint of 10,000 pipelines quadratic (billions of comparisons). The
 * index of the last architecture asked about is kept, keyed by identity and weakly held.
 */
final class StorageIndex {
  private static final AtomicReference<StorageIndex> LAST = new AtomicReference<>();

  private final WeakReference<Architecture> of;
  private final WeakReference<List<Consumer>> consumersOf;
  private final Map<String, Set<String>> writers = new HashMap<>();
  private final Map<String, Set<String>> readers = new HashMap<>();
  private final Map<String, Set<String>> valueStreams = new HashMap<>();
  private final Map<String, Set<String>> caches = new HashMap<>();
  private final Map<String, Set<String>> consumers = new HashMap<>();

  private StorageIndex(Architecture a, List<Consumer> consumerList) {
    this.of = new WeakReference<>(a);
    this.consumersOf = new WeakReference<>(consumerList);
    for (Pipeline p : a.pipelines()) {
      for (Task t : p.tasks()) {
        String task = p.id() + "." + t.fullId();
        t.outputs().forEach(name -> add(writers, name, task));
        t.inputs().forEach(name -> add(readers, name, task));
      }
    }
    for (Stream s : a.streams()) {
      if (s.valueSchema() != null) {
        add(valueStreams, s.valueSchema(), s.name());
      }
    }
    for (Cache c : a.caches()) {
      if (c.caches() != null) {
        add(caches, c.caches(), c.name());
      }
    }
    for (Consumer c : consumerList) {
      c.reads().forEach(name -> add(consumers, name, c.id()));
    }
  }

  static StorageIndex of(Architecture a, List<Consumer> consumerList) {
    StorageIndex last = LAST.get();
    if (last != null && last.of.get() == a && last.consumersOf.get() == consumerList) {
      return last;
    }
    StorageIndex built = new StorageIndex(a, consumerList);
    LAST.set(built);
    return built;
  }

  /** Lets go of the index of {@code a}, if it is the one kept (its generation has ended). */
  static void forget(Architecture a) {
    StorageIndex last = LAST.get();
    if (last != null && last.of.get() == a) {
      LAST.compareAndSet(last, null);
    }
  }

  /** True while the index of {@code a} is kept. */
  static boolean keeps(Architecture a) {
    StorageIndex last = LAST.get();
    return last != null && last.of.get() == a;
  }

  /** "pipeline.task" of every task that writes {@code name}, sorted. */
  List<String> writers(String name) {
    return sorted(writers, name);
  }

  /** "pipeline.task" of every task that reads {@code name}, sorted. */
  List<String> readers(String name) {
    return sorted(readers, name);
  }

  /** Streams whose value schema is the dataset, sorted. */
  List<String> valueStreams(String dataset) {
    return sorted(valueStreams, dataset);
  }

  /** Caches of the dataset, sorted. */
  List<String> caches(String dataset) {
    return sorted(caches, dataset);
  }

  /** Ids of the consumers that read {@code name}, sorted. */
  List<String> consumers(String name) {
    return sorted(consumers, name);
  }

  private static void add(Map<String, Set<String>> map, String key, String value) {
    if (key != null && value != null) {
      map.computeIfAbsent(key, k -> new TreeSet<>()).add(value);
    }
  }

  private static List<String> sorted(Map<String, Set<String>> map, String key) {
    Set<String> values = map.get(key);
    return values == null ? List.of() : List.copyOf(values);
  }
}
