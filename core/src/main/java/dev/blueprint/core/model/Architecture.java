package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** The proposed architecture: what is stored, streamed, orchestrated, cached and decided. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"datasets", "streams", "pipelines", "caches", "decisions"})
public record Architecture(
    List<Dataset> datasets,
    List<Stream> streams,
    List<Pipeline> pipelines,
    List<Cache> caches,
    List<Decision> decisions) {

  public static final Architecture EMPTY =
      new Architecture(List.of(), List.of(), List.of(), List.of(), List.of());

  public Architecture {
    datasets = Lists.copy(datasets);
    streams = Lists.copy(streams);
    pipelines = Lists.copy(pipelines);
    caches = Lists.copy(caches);
    decisions = Lists.copy(decisions);
  }

  @JsonIgnore
  public boolean isEmpty() {
    return datasets.isEmpty()
        && streams.isEmpty()
        && pipelines.isEmpty()
        && caches.isEmpty()
        && decisions.isEmpty();
  }

  public Optional<Dataset> dataset(String name) {
    return Optional.ofNullable(index().datasets().get(name));
  }

  public Optional<Stream> stream(String name) {
    return Optional.ofNullable(index().streams().get(name));
  }

  public Optional<Pipeline> pipeline(String id) {
    return Optional.ofNullable(index().pipelines().get(id));
  }

  /**
   * The name indexes of the architecture looked up last. The lookups above run for every task,
   * stream and reference, and as linear scans they made validating and generating a blueprint of
   * 10,000 pipelines quadratic. A record has no room for a lazy field, so the index lives beside
   * it, keyed by identity (records compare by value, which would mean hashing the whole
   * architecture) and weakly held; one entry suffices because callers work on one architecture at a
   * time.
   */
  private Index index() {
    Index last = LAST_INDEX.get();
    if (last != null && last.of().get() == this) {
      return last;
    }
    Index built =
        new Index(
            new WeakReference<>(this),
            first(datasets, Dataset::name),
            first(streams, Stream::name),
            first(pipelines, Pipeline::id));
    LAST_INDEX.set(built);
    return built;
  }

  private static final AtomicReference<Index> LAST_INDEX = new AtomicReference<>();

  private record Index(
      WeakReference<Architecture> of,
      Map<String, Dataset> datasets,
      Map<String, Stream> streams,
      Map<String, Pipeline> pipelines) {}

  /** Name to element, the first one winning, as the linear scans did; null names are skipped. */
  private static <T> Map<String, T> first(List<T> elements, Function<T, String> name) {
    Map<String, T> map = new HashMap<>(elements.size() * 2);
    for (T e : elements) {
      String key = name.apply(e);
      if (key != null) {
        map.putIfAbsent(key, e);
      }
    }
    return map;
  }
}
