package dev.blueprint.core.generate.escape;

/**
 * A Python 3 string literal in double quotes that {@code ast.literal_eval} turns back into exactly
 * the input: backslash, quote and every control, format, separator, private-use, unassigned or lone
 * surrogate character are escaped; other characters (letters of any script, emoji) stay readable.
 */
public final class PythonEscaper implements Escaper {

  @Override
  public String escape(String value) {
    StringBuilder b = new StringBuilder(value.length() + 2).append('"');
    int i = 0;
    while (i < value.length()) {
      int cp = value.codePointAt(i);
      int width = Character.charCount(cp);
      switch (cp) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (cp >= 0x20 && cp < 0x7f) {
            b.append((char) cp);
          } else if (Unsafe.needsEscape(cp)) {
            if (cp <= 0xff) {
              b.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
              b.append(String.format("\\u%04x", cp));
            } else {
              b.append(String.format("\\U%08x", cp));
            }
          } else {
            b.appendCodePoint(cp);
          }
        }
      }
      i += width;
    }
    return b.append('"').toString();
  }
}
