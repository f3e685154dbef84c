package dev.blueprint.core.load;

import java.util.Arrays;
import org.yaml.snakeyaml.error.Mark;

/**
 * A YAML text that {@link FastYamlEvents} may read, checked once as a whole, and the {@link Mark}s
 * of positions in it as SnakeYAML's {@code StreamReader} gives them.
 *
 * <p>SnakeYAML checks each chunk of 1,024 chars for characters YAML does not allow when it loads
 * the chunk, so such a character fails the reading up to a chunk before the scanner reaches it.
 * Rather than model that, a text with any character the fast reading does not handle is declined as
 * a whole before a single event is given: characters YAML does not allow, the line breaks other
 * than LF (CR, NEL, LS, PS), tabs, a byte order mark, unpaired surrogates, a line starting with
 * {@code ---} or {@code ...} (document markers, which also end plain and quoted scalars), and a
 * text longer than the code point limit of the loader options.
 *
 * <p>SnakeYAML counts a mark's index and column in code points: a surrogate pair is one. The
 * positions of the pairs' second chars are kept to convert.
 */
final class YamlText {
  /** The name SnakeYAML gives a stream read from a {@link java.io.Reader}. */
  static final String NAME = "'reader'";

  /** Marks carry no snippet buffer: only SnakeYAML's own errors print one, never these marks. */
  private static final int[] NO_BUFFER = new int[0];

  final String s;
  final int length;

  /** Positions of the low surrogates of the text's surrogate pairs, ascending; null if none. */
  private final int[] lows;

  private YamlText(String s, int[] lows) {
    this.s = s;
    this.length = s.length();
    this.lows = lows;
  }

  /** The text, or null when the fast reading declines it as a whole (see the class comment). */
  static YamlText of(String s, int codePointLimit) {
    int n = s.length();
    if (n > codePointLimit) {
      return null;
    }
    int[] lows = null;
    int pairs = 0;
    if (n > 0 && startsMarker(s, 0)) {
      return null;
    }
    // chunk by chunk through a small buffer: String.charAt per char costs a call in C1 code
    char[] buf = new char[8192];
    for (int base = 0; base < n; base += buf.length) {
      int len = Math.min(buf.length, n - base);
      s.getChars(base, base + len, buf, 0);
      for (int k = 0; k < len; k++) {
        char c = buf[k];
        if (c >= 0x20 && c < 0x7F) {
          continue;
        }
        int i = base + k;
        if (c == '\n') {
          if (i + 1 < n && startsMarker(s, i + 1)) {
            return null;
          }
          continue;
        }
        if (c < 0xA0 || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c >= 0xFFFE) {
          return null; // controls, tab, CR, DEL, NEL, C1; LS/PS line breaks; BOM; non-characters
        }
        if (Character.isHighSurrogate(c)) {
          if (i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
            return null;
          }
          if (lows == null) {
            lows = new int[64];
          } else if (pairs == lows.length) {
            lows = Arrays.copyOf(lows, pairs * 2);
          }
          lows[pairs++] = i + 1;
        } else if (Character.isLowSurrogate(c)
            && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
          return null; // a low surrogate not completing a pair
        }
      }
    }
    return new YamlText(s, lows == null ? null : Arrays.copyOf(lows, pairs));
  }

  /** A line starting with three dashes or dots: a document marker, or nearly one. */
  private static boolean startsMarker(String s, int i) {
    if (i + 3 > s.length()) {
      return false;
    }
    char c = s.charAt(i);
    return (c == '-' || c == '.') && s.charAt(i + 1) == c && s.charAt(i + 2) == c;
  }

  /**
   * The mark of char position {@code pos} on (0-based) line {@code line} starting at {@code
   * lineStart}.
   */
  Mark mark(int pos, int line, int lineStart) {
    int index = pos;
    int column = pos - lineStart;
    if (lows != null) {
      int before = pairsBefore(pos);
      index -= before;
      column -= before - pairsBefore(lineStart);
    }
    return new Mark(NAME, index, line, column, NO_BUFFER, 0);
  }

  /** Surrogate pairs wholly before char position {@code pos}. */
  private int pairsBefore(int pos) {
    int i = Arrays.binarySearch(lows, pos);
    return i >= 0 ? i : -i - 1;
  }
}
