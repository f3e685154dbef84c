package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How writes reach the cache and the system of record. */
public enum CacheWritePolicy {
  @JsonProperty("cache-aside")
  CACHE_ASIDE,
  @JsonProperty("write-through")
  WRITE_THROUGH,
  @JsonProperty("write-behind")
  WRITE_BEHIND
}
