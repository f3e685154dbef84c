package dev.blueprint.core.generate.escape;

/**
 * Text for a Jinja-templated Airflow field (bash_command, sql, ...) that Jinja renders back to
 * exactly the input, evaluating nothing in it: the text is wrapped in {@code {% raw %}...{%
 * endraw %}}, every {@code {%} inside (which could close the raw block early) and every carriage
 * return (which Jinja would turn into a newline) is written as a Jinja string expression outside
 * the raw block. The result still needs the escaper of the file's language (e.g. {@code py}).
 *
 * <p>Use it for free text that reaches a templated field; a blueprint's commands are Jinja on
 * purpose (they use macros such as {@code {{ ds }}}) and are passed as they are.
 */
public final class JinjaEscaper implements Escaper {

  private static final String OPEN = "{% raw %}";
  private static final String CLOSE = "{% endraw %}";

  @Override
  public String escape(String value) {
    if (value.indexOf('{') < 0 && value.indexOf('\r') < 0 && !value.endsWith("\n")) {
      return value; // Jinja renders text without delimiters as it is
    }
    String body =
        value
            .replace("{%", CLOSE + "{{ '{%' }}" + OPEN)
            .replace("\r", CLOSE + "{{ '\\r' }}" + OPEN);
    return OPEN + body + CLOSE;
  }
}
