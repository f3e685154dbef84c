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
  "platform",
  "requirements",
  "sources",
  "data",
  "consumers",
  "architecture"
})
public record Blueprint(
    @JsonPropertyDescription(
            "Version of the file format: 2 (this release writes it); version-1 files still load,"
                + " with a notice of what to add.")
        Integer blueprint,
    Engagement engagement,
    @JsonPropertyDescription(
            "Where it runs and who runs it (version 2): hosting, provider, operations, the"
                + " organisation's standard technologies.")
        PlatformFacts platform,
    Requirements requirements,
    @JsonPropertyDescription("Where the data comes from.") List<Source> sources,
    @JsonPropertyDescription(
            "What the consumers read, by the facts that decide its store (version 2): role,"
                + " expiry, rows, shape, transactions.")
        List<DataNeed> data,
    @JsonPropertyDescription("Who reads the data and what they tolerate.") List<Consumer> consumers,
    @JsonPropertyDescription("The proposed architecture; absent in a requirements document.")
        Architecture architecture) {

  /** The file-format version this release writes; it reads this one and the one before. */
  public static final int FORMAT_VERSION = 2;

  /** The first format version, still read (with a migration notice). */
  public static final int FORMAT_VERSION_1 = 1;

  public Blueprint {
    blueprint = blueprint == null ? FORMAT_VERSION : blueprint;
    requirements = requirements == null ? Requirements.EMPTY : requirements;
    sources = Lists.copy(sources);
    data = Lists.copy(data);
    consumers = Lists.copy(consumers);
  }

  /** A blueprint without the version-2 sections (platform, data). */
  public Blueprint(
      Integer blueprint,
      Engagement engagement,
      Requirements requirements,
      List<Source> sources,
      List<Consumer> consumers,
      Architecture architecture) {
    this(blueprint, engagement, null, requirements, sources, List.of(), consumers, architecture);
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
    return new Blueprint(
        blueprint, engagement, platform, requirements, sources, data, consumers, newArchitecture);
  }
}
