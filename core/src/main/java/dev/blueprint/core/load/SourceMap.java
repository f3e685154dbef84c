package dev.blueprint.core.load;

import com.fasterxml.jackson.core.JsonLocation;
import dev.blueprint.core.problem.Location;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where each element of a loaded file stands, by path ({@code architecture.streams[2].name}), so
 * that problems found after binding still name file, line and column.
 */
public final class SourceMap {
  private final String file;
  private Supplier<Map<String, Location>> pending;
  private Map<String, Location> locations;

  SourceMap(String file, Map<String, Location> locations) {
    this.file = file;
    this.locations = Map.copyOf(locations);
  }

  private SourceMap(String file, Supplier<Map<String, Location>> builder) {
    this.file = file;
    this.pending = builder;
  }

  /**
   * A map built on first use. Locations are needed only when a problem is reported, and for a large
   * file the map holds millions of paths (about 2 GB for a blueprint of 10,000 pipelines), so a
   * valid file never pays for it.
   */
  static SourceMap lazy(String file, Supplier<Map<String, Location>> builder) {
    return new SourceMap(file, builder);
  }

  /** A map that knows only the file, for models built in memory. */
  public static SourceMap empty(String file) {
    return new SourceMap(file, new HashMap<>());
  }

  synchronized Map<String, Location> locations() {
    if (locations == null) {
      locations = pending.get();
      pending = null;
    }
    return locations;
  }

  public String file() {
    return file;
  }

  /** The location of the element at {@code path}, or of its nearest ancestor, or the file. */
  public Location locate(String path) {
    String p = path;
    while (p != null && !p.isEmpty()) {
      Location l = locations().get(p);
      if (l != null) {
        return l;
      }
      p = parent(p);
    }
    return Location.ofFile(file);
  }

  /** True when the file holds an element at exactly this path. */
  public boolean has(String path) {
    return locations().containsKey(path);
  }

  static String parent(String path) {
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf('[');
    int cut = Math.max(dot, bracket);
    return cut <= 0 ? "" : path.substring(0, cut);
  }

  static Location toLocation(String file, JsonLocation l) {
    return new Location(file, l.getLineNr(), l.getColumnNr());
  }
}
