package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One level of partitioning: a field and how its value becomes a partition. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Partition(String field, PartitionTransform transform) {

  /** The transform, identity when not given. */
  public PartitionTransform transformOrIdentity() {
    return transform == null ? PartitionTransform.IDENTITY : transform;
  }
}
