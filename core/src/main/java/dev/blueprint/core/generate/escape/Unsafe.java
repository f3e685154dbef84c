package dev.blueprint.core.generate.escape;

/** Which code points no generated file shows raw: invisible, ambiguous or not encodable. */
final class Unsafe {
  private Unsafe() {}

  /**
   * True for controls, format characters (bidirectional overrides, zero-width characters, BOM),
   * line and paragraph separators, private-use, unassigned and lone surrogate code points: they
   * break parsers, change how code reads (Trojan Source) or cannot be written as UTF-8.
   */
  static boolean needsEscape(int cp) {
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.SURROGATE ->
          true;
      default -> cp == 0xfffe || cp == 0xffff;
    };
  }
}
