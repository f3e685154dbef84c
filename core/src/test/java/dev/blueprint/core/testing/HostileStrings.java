package dev.blueprint.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded generator of strings built to break escaping in every target language. */
public final class HostileStrings {
  private HostileStrings() {}

  private static final String[] FRAGMENTS = {
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "\\",
    "\\\\",
    "\\n",
    "\\x00",
    "\\u0041",
    "\\N{BULLET}",
    "\n",
    "\r",
    "\r\n",
    "\t",
    "\0",
    "\u0001",
    "\u001b[31m",
    "\u007f",
    "\u0085",
    "\u00a0",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u202e",
    "\u200b",
    "\ud83d\ude00",
    "\ud834\udd1e",
    "é",
    "ß",
    "日本語",
    "עברית",
    "${x}",
    "${blueprint.engagement.id}",
    "#{x}",
    "{{ ds }}",
    "{{ 7*7 }}",
    "{%",
    "%}",
    "{% raw %}",
    "{% endraw %}",
    "{%- endraw -%}",
    "{#",
    "#}",
    "<#if x>",
    "</#if>",
    "<#assign x=1>",
    "[#if]",
    "$(rm -rf /)",
    "`id`",
    "$HOME",
    "!",
    "*",
    "?",
    "~",
    ";",
    "&&",
    "|",
    ">",
    "<",
    "#",
    "--",
    "/*",
    "*/",
    ": ",
    "- ",
    "? ",
    "&a",
    "*a",
    "!!str",
    "%YAML",
    "---",
    "...",
    "null",
    "true",
    "yes",
    "0x1F",
    "1e3",
    "@",
    "`",
    "{",
    "}",
    "[",
    "]",
    ",",
    " ",
    "  ",
    "",
    "\\'",
    "\\\"",
    "%s",
    "%(x)s",
    "{0}",
    "\u00ff",
    "\ufffd",
    "\uffff",
    "\ue000",
    "a",
    "Z",
    "0",
    "_",
    "-",
    ".",
  };

  /** {@code count} strings from {@code seed}; lone surrogates only when {@code loneSurrogates}. */
  public static List<String> generate(long seed, int count, boolean loneSurrogates) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder b = new StringBuilder();
      int parts = 1 + random.nextInt(8);
      for (int p = 0; p < parts; p++) {
        int pick = random.nextInt(10);
        if (pick < 7) {
          b.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        } else if (pick < 9) {
          int cp = random.nextInt(0x30000);
          if (!Character.isValidCodePoint(cp)
              || (!loneSurrogates && Character.getType(cp) == Character.SURROGATE)) {
            cp = 'x';
          }
          b.appendCodePoint(cp);
        } else if (loneSurrogates) {
          b.append((char) (0xd800 + random.nextInt(0x800)));
        } else {
          b.append("plain words");
        }
      }
      out.add(b.toString());
    }
    return out;
  }
}
