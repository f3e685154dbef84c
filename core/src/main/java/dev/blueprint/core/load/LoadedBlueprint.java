package dev.blueprint.core.load;

import dev.blueprint.core.model.Blueprint;

/** A blueprint as read from a file, with the source map that locates its elements. */
public record LoadedBlueprint(Blueprint blueprint, SourceMap sourceMap) {

  /** A blueprint built in memory, located by a name only. */
  public static LoadedBlueprint inMemory(Blueprint blueprint, String name) {
    return new LoadedBlueprint(blueprint, SourceMap.empty(name));
  }
}
