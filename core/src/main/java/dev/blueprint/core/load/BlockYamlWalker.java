package dev.blueprint.core.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The block layout SnakeYAML's emitter gives a document of Jackson tokens: a top-level mapping,
 * nested block mappings and sequences, {@code {}} and {@code []} for empty ones, {@code "- "}
 * before a sequence item, a mapping inside a sequence item starting on the indicator's line, two
 * spaces of indentation per level. The direct YAML writers ({@link MinimalQuotingYaml}, the source
 * copy's) share this walk and differ in how they check and write keys and scalars; a document
 * outside what a writer covers ends the walk with {@link NotCovered}, and the writer then leaves
 * the document to Jackson and SnakeYAML.
 */
public abstract class BlockYamlWalker {

  /** Thrown while walking a document that the writer does not cover. */
  public static final class NotCovered extends Exception {
    private static final long serialVersionUID = 1L;

    public NotCovered() {
      super(null, null, false, false);
    }
  }

  /** A key SnakeYAML writes plain (a writer may refuse more, e.g. words its quoting quotes). */
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");

  /** Whether SnakeYAML writes {@code key} plain. */
  protected static boolean plainKey(String key) {
    return PLAIN_KEY.matcher(key).matches();
  }

  /** Walks a whole document: a mapping with at least one key, and nothing after it. */
  protected final void document(JsonParser p) throws IOException, NotCovered {
    if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME) {
      throw new NotCovered();
    }
    mapping(p, 0, false);
    if (p.nextToken() != null) {
      throw new NotCovered();
    }
  }

  /** Writes {@code n} spaces. */
  protected abstract void indent(int n) throws IOException;

  /** Writes {@code s} (structure: indicators, brackets, separators). */
  protected abstract void text(String s) throws IOException;

  /** Ends a line. */
  protected abstract void newline() throws IOException;

  /** Checks and writes a mapping key, without its colon. */
  protected abstract void key(String key) throws IOException, NotCovered;

  /**
   * Writes a scalar after an indicator ("key:" or "-"), from the space after it to the end of its
   * line; {@code indent} is where a folded scalar's next lines start.
   */
  protected abstract void scalar(JsonParser p, JsonToken t, int indent)
      throws IOException, NotCovered;

  /** A block mapping whose first key is the current token, keys at {@code indent}. */
  private void mapping(JsonParser p, int indent, boolean afterIndicator)
      throws IOException, NotCovered {
    boolean first = true;
    for (JsonToken t = p.currentToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      if (t != JsonToken.FIELD_NAME) {
        throw new NotCovered();
      }
      if (!(first && afterIndicator)) {
        indent(indent);
      }
      first = false;
      key(p.currentName());
      text(":");
      value(p, p.nextToken(), indent);
    }
  }

  /** A mapping's value, after "key:". */
  private void value(JsonParser p, JsonToken t, int indent) throws IOException, NotCovered {
    if (t == JsonToken.START_OBJECT) {
      if (p.nextToken() == JsonToken.END_OBJECT) {
        text(" {}");
        newline();
      } else {
        newline();
        mapping(p, indent + 2, false);
      }
    } else if (t == JsonToken.START_ARRAY) {
      JsonToken first = p.nextToken();
      if (first == JsonToken.END_ARRAY) {
        text(" []");
        newline();
      } else {
        newline();
        sequence(p, first, indent + 2);
      }
    } else {
      scalar(p, t, indent + 2);
    }
  }

  /** A block sequence whose first item starts with {@code first}; indicators at {@code indent}. */
  private void sequence(JsonParser p, JsonToken first, int indent) throws IOException, NotCovered {
    for (JsonToken t = first; t != JsonToken.END_ARRAY; t = p.nextToken()) {
      indent(indent);
      text("-");
      if (t == JsonToken.START_OBJECT) {
        if (p.nextToken() != JsonToken.FIELD_NAME) {
          throw new NotCovered();
        }
        text(" ");
        mapping(p, indent + 2, true);
      } else if (t == JsonToken.START_ARRAY) {
        throw new NotCovered();
      } else {
        scalar(p, t, indent + 2);
      }
    }
  }
}
