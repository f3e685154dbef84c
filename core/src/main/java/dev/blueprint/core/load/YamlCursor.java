package dev.blueprint.core.load;

import org.yaml.snakeyaml.error.Mark;

/**
 * Where {@link FastYamlEvents} reads in a {@link YamlText}: the position, its line and the line's
 * start, and the character tests of YAML's block syntax it needs.
 */
final class YamlCursor {
  /** Characters that cannot start a plain scalar (a dash can, before a non-space). */
  static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

  /** Longest key accepted: SnakeYAML drops a simple key longer than 1,024 code points. */
  private static final int MAX_KEY = 1000;

  private final YamlText text;
  final String s;
  final int n;

  /** Reading position; the start of a line between the content lines read. */
  int pos;

  int line;
  int lineStart;

  YamlCursor(YamlText text) {
    this.text = text;
    this.s = text.s;
    this.n = text.length;
  }

  /** The mark of char position {@code p} on the current line. */
  Mark mark(int p) {
    return text.mark(p, line, lineStart);
  }

  /**
   * The ':' ending a one-line plain key starting at {@code k} (followed by a space or the line's
   * end), or -1 when there is none before the line's end or a comment, or the key is too long.
   */
  int keyColon(int k) {
    if (!plainStart(k)) {
      return -1;
    }
    for (int i = k; i < n && i - k <= MAX_KEY; i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        return -1;
      }
      if (c == ':') {
        if (i + 1 == n || s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\n') {
          return i;
        }
      } else if (c == ' ' && i + 1 < n && s.charAt(i + 1) == '#') {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Whether a plain scalar may start at {@code i}: not at an indicator character, except a dash
   * followed by a non-space ({@code -5}). {@code ?x} and {@code :x} are plain too in YAML, but
   * rare: declined.
   */
  boolean plainStart(int i) {
    char c = s.charAt(i);
    if (c == '-') {
      return i + 1 < n && s.charAt(i + 1) != ' ' && s.charAt(i + 1) != '\n';
    }
    return c != ' ' && c != '\n' && INDICATORS.indexOf(c) < 0;
  }

  /** A block entry: a dash followed by a space or the line's end. */
  boolean isDash(int i) {
    return s.charAt(i) == '-' && (i + 1 == n || s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\n');
  }

  int trimEnd(int from, int to) {
    while (to > from && s.charAt(to - 1) == ' ') {
      to--;
    }
    return to;
  }

  int skipSpaces(int i) {
    while (i < n && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /**
   * Skips blank and comment lines from the line start {@code pos}; the column of the next content
   * line's first char (pos then at it), or -1 at the end of the text.
   */
  int skipToContent() {
    int i = pos;
    while (true) {
      int k = skipSpaces(i);
      if (k == n) {
        pos = n;
        return -1;
      }
      char c = s.charAt(k);
      if (c == '#') {
        k = s.indexOf('\n', k);
        if (k < 0) {
          pos = n;
          return -1;
        }
        c = '\n';
      }
      if (c == '\n') {
        i = k + 1;
        line++;
        lineStart = i;
        continue;
      }
      pos = k;
      return k - lineStart;
    }
  }
}
