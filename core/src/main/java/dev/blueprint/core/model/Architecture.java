package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;

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
    return datasets.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  public Optional<Stream> stream(String name) {
    return streams.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public Optional<Pipeline> pipeline(String id) {
    return pipelines.stream().filter(p -> p.id().equals(id)).findFirst();
  }
}
