package dev.blueprint.core.generate.escape;

/**
 * A YAML scalar that every YAML 1.1 and 1.2 parser reads back as exactly the input string (never a
 * number, boolean, null or alias): a plain word such as {@code cleanup.policy} stays plain,
 * anything else is double-quoted, with backslash, quote, controls, YAML line breaks (NEL, LS, PS),
 * the BOM and every character outside YAML's printable set are escaped.
 *
 * <p>A lone surrogate cannot be written in YAML at all; it is refused.
 */
public final class YamlEscaper implements Escaper {

  /** Plain scalars that read back as the same string in YAML 1.1 and 1.2: no quotes needed. */
  private static final java.util.regex.Pattern PLAIN =
      java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9._/-]*");

  /** Words YAML 1.1 or 1.2 reads as booleans or null. */
  private static final java.util.Set<String> SPECIAL =
      java.util.Set.of("y", "yes", "n", "no", "true", "false", "on", "off", "null", "nan", "inf");

  @Override
  public String escape(String value) {
    if (PLAIN.matcher(value).matches()
        && !SPECIAL.contains(value.toLowerCase(java.util.Locale.ROOT))) {
      return value;
    }
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
