package dev.blueprint.core.load;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;

/**
 * When Jackson may write a string as a plain YAML scalar: only prose that no YAML 1.1 or 1.2 reader
 * can take for anything else (a tag "!", an anchor "&a", an alias "*a", a comment, a key, a number
 * or boolean). Jackson's default, with MINIMIZE_QUOTES, wrote "!" plain, which reads back as an
 * empty tagged value; everything outside this pattern is now quoted.
 */
final class SafeYamlQuoting extends StringQuotingChecker.Default {
  private static final long serialVersionUID = 1L;

  /**
   * Starts with an ASCII letter, then letters, digits, spaces and ,.;_/()'+- , no trailing space.
   */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9 ,.;_/()'+-]*(?<! )");

  @Override
  public boolean needToQuoteValue(String value) {
    return super.needToQuoteValue(value) || !PLAIN.matcher(value).matches();
  }
}
