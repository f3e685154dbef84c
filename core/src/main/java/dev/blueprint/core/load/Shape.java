package dev.blueprint.core.load;

import java.util.List;
import java.util.Map;

/**
 * The shape of a value in a blueprint file, derived from the model records by {@link Shapes}: the
 * loader checks files against it and the schema generator prints it as JSON Schema, so the two
 * cannot drift apart.
 */
public sealed interface Shape {

  /** A mapping with known keys, one per record component. */
  record ObjectShape(Class<?> type, Map<String, Property> properties) implements Shape {}

  /** A key of an object, with its description from {@code @JsonPropertyDescription}. */
  record Property(String name, Shape shape, String description) {}

  /** A list of values of one shape. */
  record ListShape(Shape items) implements Shape {}

  /** A mapping from free-form keys to values of one shape. */
  record MapShape(Shape values) implements Shape {}

  /** One of a fixed set of words, as written in YAML. */
  record EnumShape(Class<?> type, List<String> values) implements Shape {}

  /** A scalar. */
  record ScalarShape(Scalar kind) implements Shape {}

  /** The kinds of scalar the model uses. */
  enum Scalar {
    TEXT("text"),
    INT("a whole number"),
    LONG("a whole number"),
    NUMBER("a number"),
    BOOLEAN("true or false"),
    DURATION("a duration such as 30m, 12h or 7d"),
    DATE("a date such as 2026-01-31");

    private final String expected;

    Scalar(String expected) {
      this.expected = expected;
    }

    /** What a person should have written, for messages. */
    public String expected() {
      return expected;
    }
  }
}
