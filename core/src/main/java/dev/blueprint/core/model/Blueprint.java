package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The root of a blueprint file. One schema grows by refinement: a file with only the engagement,
 * requirements, sources and consumers is a <em>requirements</em> document; once {@link
 * #architecture()} is filled in (by the advisor or by hand) it is a <em>blueprint</em> that can be
 * generated from.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "blueprint",
  "engagement",
  "requirements",
  "sources",
  "consumers",
  "architecture"
})
public record Blueprint(
    @JsonPropertyDescription("Version of the file format; this release reads 1.") Integer blueprint,
    Engagement engagement,
    Requirements requirements,
    @JsonPropertyDescription("Where the data comes from.") List<Source> sources,
    @JsonPropertyDescription("Who reads the data and what they tolerate.") List<Consumer> consumers,
    @JsonPropertyDescription("The proposed architecture; absent in a requirements document.")
        Architecture architecture) {

  /** The file-format version this release reads and writes. */
  public static final int FORMAT_VERSION = 1;

  public Blueprint {
    blueprint = blueprint == null ? FORMAT_VERSION : blueprint;
    requirements = requirements == null ? Requirements.EMPTY : requirements;
    sources = Lists.copy(sources);
    consumers = Lists.copy(consumers);
  }

  /** True when the architecture is filled in, so that the file can be generated from. */
  @JsonIgnore
  public boolean isBlueprint() {
    return architecture != null && !architecture.isEmpty();
  }

  /** The architecture, or an empty one for a requirements document. */
  @JsonIgnore
  public Architecture architectureOrEmpty() {
    return architecture == null ? Architecture.EMPTY : architecture;
  }

  public Blueprint withArchitecture(Architecture newArchitecture) {
    return new Blueprint(blueprint, engagement, requirements, sources, consumers, newArchitecture);
  }
}
