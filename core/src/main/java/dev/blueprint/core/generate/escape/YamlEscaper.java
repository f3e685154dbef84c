package dev.blueprint.core.generate.escape;

/**
 * A double-quoted YAML scalar that every YAML 1.1 and 1.2 parser reads back as exactly the input
 * string (never a number, boolean, null or alias): backslash, quote, controls, YAML line breaks
 * (NEL, LS, PS), the BOM and every character outside YAML's printable set are escaped.
 *
 * <p>A lone surrogate cannot be written in YAML at all; it is refused.
 */
public final class YamlEscaper implements Escaper {

  @Override
  public String escape(String value) {
    StringBuilder b = new StringBuilder(value.length() + 2).append('"');
    int i = 0;
    while (i < value.length()) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case 0 -> b.append("\\0");
        default -> {
          if (Character.getType(cp) == Character.SURROGATE) {
            throw new IllegalArgumentException(
                "a YAML file cannot hold the lone surrogate U+"
                    + Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT));
          }
          if (cp >= 0x20 && cp < 0x7f) {
            b.append((char) cp);
          } else if (Unsafe.needsEscape(cp) || cp == 0x85 || cp == 0xfeff) {
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
    }
    return b.append('"').toString();
  }
}
