package dev.blueprint.core.load;

import com.fasterxml.jackson.core.JsonToken;
import dev.blueprint.core.load.Shape.EnumShape;
import dev.blueprint.core.load.Shape.ListShape;
import dev.blueprint.core.load.Shape.MapShape;
import dev.blueprint.core.load.Shape.ObjectShape;
import dev.blueprint.core.load.Shape.Property;
import dev.blueprint.core.load.Shape.ScalarShape;
import dev.blueprint.core.load.YamlNode.ListNode;
import dev.blueprint.core.load.YamlNode.MapNode;
import dev.blueprint.core.load.YamlNode.ScalarNode;
import dev.blueprint.core.model.Durations;
import dev.blueprint.core.problem.Problem;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a {@link YamlNode} tree against the model's {@link Shape} and reports every unknown key
 * and every value of the wrong type, each at its own line and column, before anything is bound.
 */
final class ShapeChecker {
  private final String file;
  private final List<Problem> problems = new ArrayList<>();

  private ShapeChecker(String file) {
    this.file = file;
  }

  /** Problems name {@code file}, the file the tree was read from. */
  static List<Problem> check(String file, YamlNode root, Shape shape) {
    ShapeChecker c = new ShapeChecker(file);
    c.check(root, shape, Path.ROOT);
    return c.problems;
  }

  private void check(YamlNode node, Shape shape, Path path) {
    if (node instanceof ScalarNode s
        && (s.token() == JsonToken.VALUE_NULL
            || (s.token() == JsonToken.VALUE_STRING && s.text().isEmpty()))) {
      problems.add(
          Problem.error("BP-YAML-003", node.location(file), path.toString(), "has no value")
              .withHint("give a value or remove the key"));
      return;
    }
    if (shape instanceof ObjectShape o) {
      checkObject(node, o, path);
    } else if (shape instanceof ListShape l) {
      if (node instanceof ListNode list) {
        for (int i = 0; i < list.size(); i++) {
          check(list.item(i), l.items(), path.item(i));
        }
      } else {
        typeError(node, path, "a list", node instanceof ScalarNode ? "write [value]" : null);
      }
    } else if (shape instanceof MapShape m) {
      if (node instanceof MapNode map) {
        for (int i = 0; i < map.size(); i++) {
          check(map.value(i), m.values(), path.key(map.key(i)));
        }
      } else {
        typeError(node, path, "a mapping of keys to values", null);
      }
    } else if (shape instanceof EnumShape e) {
      checkEnum(node, e, path);
    } else {
      checkScalar(node, (ScalarShape) shape, path);
    }
  }

  private void checkObject(YamlNode node, ObjectShape shape, Path path) {
    if (!(node instanceof MapNode map)) {
      typeError(node, path, "a mapping with keys " + keys(shape), null);
      return;
    }
    for (int i = 0; i < map.size(); i++) {
      String key = map.key(i);
      Property property = shape.properties().get(key);
      Path childPath = path.key(key);
      if (property == null) {
        String suggestion = Suggestions.closest(key, shape.properties().keySet());
        String parent = path.toString();
        Problem p =
            Problem.error(
                "BP-YAML-002",
                YamlNode.at(file, map.keyPos(i)),
                childPath.toString(),
                "unknown key '" + key + "'" + (parent.isEmpty() ? "" : " in " + parent));
        problems.add(
            suggestion != null
                ? p.withHint("did you mean '" + suggestion + "'? known keys: " + keys(shape))
                : p.withHint("known keys: " + keys(shape)));
      } else {
        check(map.value(i), property.shape(), childPath);
      }
    }
  }

  private void checkEnum(YamlNode node, EnumShape shape, Path path) {
    if (node instanceof ScalarNode s
        && s.token() == JsonToken.VALUE_STRING
        && shape.values().contains(s.text())) {
      return;
    }
    String allowed = String.join(", ", shape.values());
    String got = YamlReader.describe(node);
    String text = node instanceof ScalarNode s ? s.text() : "";
    String suggestion =
        node instanceof ScalarNode ? Suggestions.closest(text, shape.values()) : null;
    Problem p =
        Problem.error(
            "BP-YAML-003",
            node.location(file),
            path.toString(),
            "expected one of " + allowed + ", got " + got);
    problems.add(suggestion == null ? p : p.withHint("did you mean '" + suggestion + "'?"));
  }

  private void checkScalar(YamlNode node, ScalarShape shape, Path path) {
    if (!(node instanceof ScalarNode s)) {
      typeError(node, path, shape.kind().expected(), null);
      return;
    }
    JsonToken t = s.token();
    switch (shape.kind()) {
      case TEXT -> {
        if (t != JsonToken.VALUE_STRING) {
          typeError(node, path, "text", "put it in quotes: \"" + s.text() + "\"");
        }
      }
      case INT, LONG -> {
        if (t != JsonToken.VALUE_NUMBER_INT) {
          typeError(node, path, "a whole number", null);
          return;
        }
        BigInteger v = wholeNumber(s.text());
        BigInteger max =
            BigInteger.valueOf(
                shape.kind() == Shape.Scalar.INT ? Integer.MAX_VALUE : Long.MAX_VALUE);
        BigInteger min =
            BigInteger.valueOf(
                shape.kind() == Shape.Scalar.INT ? Integer.MIN_VALUE : Long.MIN_VALUE);
        if (v == null || v.compareTo(max) > 0 || v.compareTo(min) < 0) {
          problems.add(
              Problem.error(
                  "BP-YAML-003",
                  node.location(file),
                  path.toString(),
                  "the whole number "
                      + YamlReader.abbreviate(s.text())
                      + " is out of range (at most "
                      + max
                      + ")"));
        }
      }
      case NUMBER -> {
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
          try {
            double d = Double.parseDouble(s.text());
            if (!Double.isFinite(d)) {
              throw new NumberFormatException();
            }
          } catch (NumberFormatException e) {
            typeError(node, path, "a finite number", null);
          }
        } else if (t != JsonToken.VALUE_NUMBER_INT) {
          typeError(node, path, "a number", null);
        }
      }
      case BOOLEAN -> {
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
          typeError(node, path, "true or false", null);
        }
      }
      case DURATION -> {
        if (t != JsonToken.VALUE_STRING) {
          typeError(node, path, shape.kind().expected(), "add a unit, e.g. " + s.text() + "d");
          return;
        }
        try {
          Durations.parse(s.text());
        } catch (IllegalArgumentException | ArithmeticException e) {
          problems.add(
              Problem.error(
                      "BP-YAML-003",
                      node.location(file),
                      path.toString(),
                      "expected "
                          + shape.kind().expected()
                          + ", got text '"
                          + YamlReader.abbreviate(s.text())
                          + "'")
                  .withHint("write e.g. 500ms, 45s, 30m, 12h, 7d, 2w or PT5M"));
        }
      }
      case DATE -> {
        try {
          if (t != JsonToken.VALUE_STRING) {
            throw new DateTimeParseException("not text", s.text(), 0);
          }
          LocalDate.parse(s.text().trim());
        } catch (DateTimeParseException e) {
          typeError(node, path, shape.kind().expected(), "write the date as YYYY-MM-DD");
        }
      }
    }
  }

  private static BigInteger wholeNumber(String text) {
    String t = text.replace("_", "").trim();
    boolean negative = t.startsWith("-");
    if (negative || t.startsWith("+")) {
      t = t.substring(1);
    }
    try {
      BigInteger v;
      if (t.startsWith("0x") || t.startsWith("0X")) {
        v = new BigInteger(t.substring(2), 16);
      } else if (t.startsWith("0o")) {
        v = new BigInteger(t.substring(2), 8);
      } else {
        v = new BigInteger(t);
      }
      return negative ? v.negate() : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void typeError(YamlNode node, Path path, String expected, String hint) {
    Problem p =
        Problem.error(
            "BP-YAML-003",
            node.location(file),
            path.toString(),
            "expected " + expected + ", got " + YamlReader.describe(node));
    problems.add(hint == null ? p : p.withHint(hint));
  }

  private static String keys(ObjectShape shape) {
    return String.join(", ", shape.properties().keySet());
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /**
   * Where a node is, spelt as {@link #join} and {@code [i]} spell it, but only when a problem asks:
   * a string per node of a large blueprint was a twentieth of what loading it allocated.
   */
  private static final class Path {
    static final Path ROOT = new Path(null, null, -1);

    private final Path parent;
    private final String key;
    private final int index;

    private Path(Path parent, String key, int index) {
      this.parent = parent;
      this.key = key;
      this.index = index;
    }

    Path key(String k) {
      return new Path(this, k, -1);
    }

    Path item(int i) {
      return new Path(this, null, i);
    }

    @Override
    public String toString() {
      if (this == ROOT) {
        return "";
      }
      String above = parent.toString();
      return key != null ? join(above, key) : above + "[" + index + "]";
    }
  }
}
