package dev.blueprint.core.load;

import com.fasterxml.jackson.core.JsonToken;
import dev.blueprint.core.problem.Location;

/**
 * A YAML document as read, every node with where it starts, before it is bound to the model.
 *
 * <p>Compact on purpose: a blueprint of 10,000 pipelines has millions of nodes, and this tree is
 * the largest thing in memory while it loads. Positions are packed into one {@code long} (see
 * {@link #pos}) and turned into a {@link Location} only when a problem or the source map needs one;
 * a mapping keeps its keys, key positions and values in arrays, not in a map of entry objects.
 */
sealed interface YamlNode {

  /** Line and column packed by {@link #pos(int, int)}. */
  long pos();

  default Location location(String file) {
    return at(file, pos());
  }

  static long pos(int line, int column) {
    return ((long) line << 32) | (column & 0xFFFFFFFFL);
  }

  static Location at(String file, long pos) {
    return new Location(file, (int) (pos >>> 32), (int) pos);
  }

  /** A mapping; keys keep the file's order (duplicates were dropped by the reader). */
  final class MapNode implements YamlNode {
    private final long pos;
    private final String[] keys;
    private final long[] keyPos;
    private final YamlNode[] values;

    MapNode(long pos, String[] keys, long[] keyPos, YamlNode[] values) {
      this.pos = pos;
      this.keys = keys;
      this.keyPos = keyPos;
      this.values = values;
    }

    @Override
    public long pos() {
      return pos;
    }

    int size() {
      return keys.length;
    }

    String key(int i) {
      return keys[i];
    }

    /** Where the key itself stands. */
    long keyPos(int i) {
      return keyPos[i];
    }

    YamlNode value(int i) {
      return values[i];
    }
  }

  /** A sequence. */
  final class ListNode implements YamlNode {
    private final long pos;
    private final YamlNode[] items;

    ListNode(long pos, YamlNode[] items) {
      this.pos = pos;
      this.items = items;
    }

    @Override
    public long pos() {
      return pos;
    }

    int size() {
      return items.length;
    }

    YamlNode item(int i) {
      return items[i];
    }
  }

  /** A scalar with the token the parser saw (string, number, boolean or null) and its text. */
  record ScalarNode(long pos, JsonToken token, String text) implements YamlNode {}
}
