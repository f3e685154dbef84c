package dev.blueprint.core.generate.escape;

/**
 * One single-quoted POSIX shell word that the shell passes on as exactly the input: nothing inside
 * single quotes is expanded ({@code $(...)}, {@code ${...}}, backticks, globs), and a single quote
 * is written as {@code '\''}. A NUL cannot be part of a command-line argument and is refused.
 */
public final class ShellEscaper implements Escaper {

  @Override
  public String escape(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a shell word cannot hold a NUL character");
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
