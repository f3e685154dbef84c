package dev.blueprint.core.load;

import java.util.Random;

/**
 * Random documents of the block-YAML subset blueprint files use, with hostile scalars: colons,
 * hashes, quotes, dashes, numbers, YAML 1.1 booleans and nulls, dates, non-ASCII text and surrogate
 * pairs, trailing spaces, long and folded lines, escapes and blank lines inside quotes. Seeded, so
 * every run reads the same documents.
 */
final class RandomBlockYaml {
  private static final String[] WORDS = {
    "a",
    "text",
    "x-y",
    "k.v",
    "yes",
    "no",
    "on",
    "off",
    "null",
    "~",
    "true",
    "False",
    "1",
    "-5",
    "0x1F",
    "1e3",
    ".5",
    "012",
    "2024-01-02",
    "12:30",
    "a:b",
    "x#y",
    "a,b",
    "[x",
    "{y",
    "x]",
    "é",
    "中文",
    "\ud83d\ude00",
    "a'b",
    "a\"b",
    "-",
    "--x",
    "%",
    "@x",
    "`x",
    "!x",
    "&x",
    "*x",
    "|",
    ">",
    "?",
    "ÿ",
    "\u00a0",
    "日本"
  };
  private static final String[] KEYS = {
    "id",
    "name",
    "a b",
    "x-y",
    "k.v",
    "ü",
    "\ud83d\ude00",
    "-k",
    "a'b",
    "a\"b",
    "1",
    "yes",
    "null",
    "~",
    "2024-01-01",
    "key#1",
    "a:b",
    "description",
    "tasks",
    "x"
  };

  private final Random r;
  private final StringBuilder b = new StringBuilder();

  RandomBlockYaml(long seed) {
    r = new Random(seed);
  }

  String document() {
    b.setLength(0);
    if (r.nextInt(4) == 0) {
      b.append("# head comment\n");
    }
    if (r.nextInt(6) == 0) {
      sequence(0, false);
    } else {
      mapping(0, r.nextInt(5) + 1);
    }
    if (r.nextInt(4) == 0) {
      b.append(r.nextBoolean() ? "\n# tail" : "   ");
    }
    if (r.nextInt(5) == 0 && b.length() > 0 && b.charAt(b.length() - 1) == '\n') {
      b.setLength(b.length() - 1); // no final line break
    }
    return b.toString();
  }

  private void mapping(int indent, int entries) {
    for (int i = 0; i < entries; i++) {
      if (i > 0 || r.nextInt(3) > 0) {
        pad(indent);
      }
      b.append(KEYS[r.nextInt(KEYS.length)]);
      if (r.nextInt(8) == 0) {
        b.append("  ");
      }
      b.append(':');
      value(indent, indent < 12);
      noise(indent);
    }
  }

  private void sequence(int indent, boolean afterKey) {
    int items = r.nextInt(4) + 1;
    for (int i = 0; i < items; i++) {
      pad(indent);
      b.append('-');
      int k = r.nextInt(5);
      if (k == 0 || indent >= 12) {
        scalarAfter(indent);
      } else if (k == 1) {
        trailing();
        b.append('\n');
      } else if (k == 2) {
        // compact mapping
        int col = indent + 1 + 1 + (r.nextInt(4) == 0 ? 2 : 0);
        pad(col - indent - 1);
        b.append(KEYS[r.nextInt(KEYS.length)]).append(':');
        value(col, true);
        mappingAt(col, r.nextInt(3));
      } else if (k == 3) {
        b.append('\n');
        mapping(indent + 2, r.nextInt(3) + 1);
      } else {
        scalarAfter(indent);
      }
      noise(indent);
    }
  }

  private void mappingAt(int col, int more) {
    for (int i = 0; i < more; i++) {
      pad(col);
      b.append(KEYS[r.nextInt(KEYS.length)]).append(':');
      value(col, col < 12);
    }
  }

  private void scalarAfter(int indent) {
    scalarAfter(indent, false);
  }

  /** A scalar after "key:" or "- ", with sometimes a comment holding quotes and a dash. */
  private void scalarAfter(int indent, boolean note) {
    b.append(' ');
    if (r.nextInt(12) == 0) {
      flow();
      b.append(r.nextInt(5) == 0 ? " # flow" : "");
      b.append('\n');
      return;
    }
    if (r.nextInt(6) == 0) {
      block(indent + 1);
      return;
    }
    scalar(indent + 1);
    trailing();
    if (note && r.nextInt(5) == 0) {
      b.append(" # note: ' \" -");
    }
    b.append('\n');
  }

  /** After "key:": a scalar, an empty value, a nested mapping or a sequence. */
  private void value(int indent, boolean nest) {
    int k = r.nextInt(nest ? 7 : 3);
    if (k == 0) {
      trailing();
      if (r.nextInt(3) == 0) {
        b.append(" # empty");
      }
      b.append('\n');
    } else if (k <= 2) {
      scalarAfter(indent, true);
    } else if (k <= 4) {
      b.append('\n');
      mapping(indent + 2 + (r.nextInt(5) == 0 ? 1 : 0), r.nextInt(3) + 1);
    } else if (k == 5) {
      b.append('\n');
      sequence(indent, true); // indentless
    } else {
      b.append('\n');
      sequence(indent + 2, true);
    }
  }

  /** A scalar whose continuation lines are indented at least {@code cont}. */
  private void scalar(int cont) {
    switch (r.nextInt(4)) {
      case 0, 1 -> plain(cont);
      case 2 -> doubleQuoted(cont);
      default -> singleQuoted(cont);
    }
  }

  private void plain(int cont) {
    int words = r.nextInt(r.nextInt(4) == 0 ? 30 : 4) + 1;
    // mostly a word that can start a plain scalar; now and then one that cannot
    b.append(r.nextInt(20) == 0 ? word() : startWord());
    int lineLength = 0;
    for (int i = 1; i < words; i++) {
      String w;
      if (lineLength > 20 && r.nextInt(3) == 0) {
        b.append('\n');
        if (r.nextInt(4) == 0) {
          b.append(r.nextBoolean() ? "\n" : "   \n");
        }
        pad(cont + r.nextInt(3) - (r.nextInt(15) == 0 ? 2 : 0));
        lineLength = 0;
        w = r.nextInt(20) == 0 ? word() : startWord();
      } else {
        b.append(r.nextInt(6) == 0 ? "  " : " ");
        w = word();
      }
      b.append(w);
      lineLength += w.length() + 1;
    }
  }

  private String word() {
    return WORDS[r.nextInt(WORDS.length)];
  }

  private String startWord() {
    String w;
    do {
      w = word();
    } while (!Character.isLetterOrDigit(w.codePointAt(0)));
    return w;
  }

  /**
   * A literal or folded block scalar, header to last line (line break included), content indented
   * about {@code cont}: blank lines, more indented lines, trailing spaces, '#' lines.
   */
  private void block(int cont) {
    b.append(r.nextBoolean() ? '|' : '>');
    int chomp = r.nextInt(4);
    b.append(chomp == 0 ? "-" : chomp == 1 ? "+" : "");
    if (r.nextInt(5) == 0) {
      b.append(" # header");
    }
    b.append('\n');
    int indent = cont + r.nextInt(3) - (r.nextInt(12) == 0 ? 1 : 0);
    int lines = r.nextInt(5);
    for (int i = 0; i < lines; i++) {
      switch (r.nextInt(7)) {
        case 0 -> b.append(r.nextBoolean() ? "" : "   ");
        case 1 -> {
          pad(indent + 1 + r.nextInt(3));
          b.append(word()).append(' ').append(word());
        }
        case 2 -> {
          pad(indent);
          b.append("# not a comment ").append(word());
        }
        default -> {
          pad(indent);
          b.append(startWord()).append(' ').append(word()).append(r.nextInt(4) == 0 ? "  " : "");
        }
      }
      b.append('\n');
    }
    if (r.nextInt(4) == 0) {
      b.append('\n');
    }
  }

  /** A one-line flow sequence or mapping of scalars, sometimes empty, sometimes hostile. */
  private void flow() {
    boolean mapping = r.nextBoolean();
    b.append(mapping ? '{' : '[');
    int items = r.nextInt(4);
    for (int i = 0; i < items; i++) {
      if (i > 0) {
        b.append(r.nextInt(4) == 0 ? " , " : ", ");
      }
      if (mapping) {
        b.append(KEYS[r.nextInt(KEYS.length)]).append(r.nextInt(6) == 0 ? " : " : ": ");
      }
      switch (r.nextInt(5)) {
        case 0 -> b.append('"').append(word().replace("\"", "\\\"")).append('"');
        case 1 -> b.append('\'').append(word().replace("'", "''")).append('\'');
        default -> b.append(startWord()).append(r.nextInt(3) == 0 ? " " + word() : "");
      }
    }
    if (items == 0 && r.nextBoolean()) {
      b.append(' ');
    }
    b.append(mapping ? '}' : ']');
  }

  private void doubleQuoted(int cont) {
    b.append('"');
    int parts = r.nextInt(r.nextInt(4) == 0 ? 20 : 5) + 1;
    for (int i = 0; i < parts; i++) {
      switch (r.nextInt(14)) {
        case 0 -> b.append("\\n");
        case 1 -> b.append("\\\"");
        case 2 -> b.append("\\\\");
        case 3 -> b.append("\\x41\\u00e9\\u20ac");
        case 4 -> b.append("\\t\\ \\0\\e\\N\\_");
        case 5 -> {
          b.append(r.nextBoolean() ? " \n" : "\n");
          if (r.nextBoolean()) {
            b.append("\n");
          }
          pad(cont + r.nextInt(2));
        }
        case 6 -> {
          b.append("\\\n");
          pad(cont + r.nextInt(3));
          if (r.nextBoolean()) {
            b.append("\\ ");
          }
        }
        case 7 -> b.append("'");
        default -> b.append(WORDS[r.nextInt(WORDS.length)]).append(r.nextInt(3) == 0 ? "  " : " ");
      }
    }
    b.append('"');
  }

  private void singleQuoted(int cont) {
    b.append('\'');
    int parts = r.nextInt(6) + 1;
    for (int i = 0; i < parts; i++) {
      switch (r.nextInt(8)) {
        case 0 -> b.append("''");
        case 1 -> b.append("\\ \" #");
        case 2 -> {
          b.append("\n");
          if (r.nextInt(3) == 0) {
            b.append("  \n");
          }
          pad(cont + r.nextInt(2));
        }
        default -> b.append(WORDS[r.nextInt(WORDS.length)].replace("'", "''")).append(' ');
      }
    }
    b.append('\'');
  }

  private void trailing() {
    if (r.nextInt(6) == 0) {
      b.append("   ");
    }
  }

  /** Sometimes a blank line, a comment line, or a long line comment. */
  private void noise(int indent) {
    int k = r.nextInt(10);
    if (k == 0) {
      b.append('\n');
    } else if (k == 1) {
      pad(r.nextInt(indent + 3));
      b.append("# comment: - \" '\n");
    } else if (k == 2) {
      b.append("   \n");
    }
  }

  private void pad(int n) {
    for (int i = 0; i < n; i++) {
      b.append(' ');
    }
  }
}
