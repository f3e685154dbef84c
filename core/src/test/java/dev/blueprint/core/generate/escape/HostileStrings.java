package dev.blueprint.core.generate.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Strings that try to break out of every target language, plus seeded random mixtures of them. */
public final class HostileStrings {
  private HostileStrings() {}

  /** Hand-picked attacks on quoting, comments, markup and line structure. */
  public static final List<String> FIXED =
      List.of(
          "plain text",
          "it's \"quoted\"",
          "back\\slash\\",
          "line one\nline two",
          "cr\r\nlf and\rcr",
          "tab\there",
          "'; DROP TABLE users; --",
          "\"); DROP KEYSPACE x; //",
          "`backtick` and ``double``",
          "*emphasis* _under_ __strong__ ~~strike~~",
          "[link](http://example.com) ![img](x.png)",
          "<script>alert(1)</script> &amp; &#35; &copy",
          "| cell | split |",
          "# heading",
          "- list item",
          "+ plus item",
          "1. ordered",
          "2) ordered",
          "    indented code",
          "> quote",
          "===",
          "---",
          "$x^2$ and $$y$$",
          "{{ ds }} {% raw %} ${user} #{x} $(id)",
          "*/ end of block comment /*",
          "trailing backslash \\",
          "unicode: Zürich, 東京, emoji 😀",
          "line\u2028separator\u2029paragraph\u0085nel",
          "yes",
          "null",
          "~",
          "0x1F",
          "1e3",
          "- item: value",
          "key: value # comment",
          "@user mentions and :smile:",
          "a_b_c snake_case __init__ _x_",
          "semi;colon \"quote\" #hash",
          "");

  /** The fixed strings plus {@code count} random ones built from dangerous pieces. */
  public static List<String> all(int count) {
    String[] pieces = {
      "'", "\"", "`", "\\", "\n", "\r", "\t", "*", "_", "[", "]", "(", ")", "<", ">", "#", "|", "~",
      "$", "&", "!", "-", "+", "=", "1.", ";", ":", "{", "}", "%", "/*", "*/", "--", "//", "a", "b",
      "_x", " ", "  ", "é", "\u2028", "{{", "}}", "@", "?"
    };
    List<String> out = new ArrayList<>(FIXED);
    Random random = new Random(20261125L);
    for (int i = 0; i < count; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + random.nextInt(8);
      for (int j = 0; j < n; j++) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      out.add(sb.toString());
    }
    return out;
  }
}
