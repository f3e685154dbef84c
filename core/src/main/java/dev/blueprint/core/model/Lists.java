package dev.blueprint.core.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Null-tolerant immutable copies, so that every record holds non-null immutable collections. */
final class Lists {
  private Lists() {}

  static <T> List<T> copy(List<T> list) {
    if (list == null) {
      return List.of();
    }
    return list.stream().filter(Objects::nonNull).toList();
  }

  static <K, V> Map<K, V> copy(Map<K, V> map) {
    if (map == null) {
      return Map.of();
    }
    // keep the author's order: generated files list config keys as written
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
