package dev.blueprint.core.generate.escape;

/**
 * Text for a quoted Mermaid label ({@code id["label"]}): the characters that could end the quotes,
 * start an entity code, a Markdown string or HTML are written as Mermaid entity codes ({@code #34;}
 * for a quote), and line breaks become spaces. Available to templates as {@code esc.mermaid}; the
 * template writes the surrounding quotes.
 */
public final class MermaidEscaper {
  private MermaidEscaper() {}

  public static String label(String value) {
    String s = MarkdownEscaper.oneLine(value);
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"', '#', '&', '<', '>', '`', '|', ';', '\\' ->
            sb.append('#').append((int) c).append(';');
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
