package dev.blueprint.core.generate.escape;

/**
 * A JSON string in double quotes (RFC 8259) that parses back to exactly the input; invisible and
 * separator characters are written as {@code \\uXXXX} so that the file stays readable and safe to
 * embed in JavaScript.
 */
public final class JsonEscaper implements Escaper {

  @Override
  public String escape(String value) {
    StringBuilder b = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          boolean pair =
              Character.isHighSurrogate(c)
                  && i + 1 < value.length()
                  && Character.isLowSurrogate(value.charAt(i + 1));
          if (pair) {
            int cp = value.codePointAt(i);
            if (Unsafe.needsEscape(cp)) {
              b.append(String.format("\\u%04x\\u%04x", (int) c, (int) value.charAt(i + 1)));
            } else {
              b.append(c).append(value.charAt(i + 1));
            }
            i++;
          } else if (c < 0x20 || Unsafe.needsEscape(c)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
