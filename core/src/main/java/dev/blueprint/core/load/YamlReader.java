package dev.blueprint.core.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.blueprint.core.load.YamlNode.ListNode;
import dev.blueprint.core.load.YamlNode.MapNode;
import dev.blueprint.core.load.YamlNode.ScalarNode;
import dev.blueprint.core.problem.Location;
import dev.blueprint.core.problem.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the YAML text into a {@link YamlNode} tree, collecting every problem it can and going on
 * after each one: duplicate keys, anchors and aliases (refused, so that an alias bomb expands to
 * nothing), tags, and further documents. Syntax errors and excess nesting stop the reading.
 */
final class YamlReader {
  private final String name;
  private final List<Problem> problems = new ArrayList<>();
  private TokenBuffer tokens;
  private boolean reportedAlias;
  private long last = -1;
  // keys repeat (name, tasks, inputs, ...) millions of times in a large file; the tree and the
  // recorded tokens share one String per distinct key instead of one per occurrence
  private final Map<String, String> keys = new HashMap<>();
  private String key;

  private YamlReader(String name) {
    this.name = name;
  }

  /**
   * The tree, the problems, and the tokens as the parser produced them (so that the model can be
   * bound without parsing the text a second time; null when the reading failed).
   */
  record Result(YamlNode root, List<Problem> problems, TokenBuffer tokens) {
    Result(YamlNode root, List<Problem> problems) {
      this(root, problems, null);
    }
  }

  static Result read(String name, String text) {
    YamlReader r = new YamlReader(name);
    YamlNode root = null;
    try (JsonParser p = BlueprintMapper.readingYaml(text.length()).createParser(text)) {
      // we detect duplicates ourselves, to report every one and go on
      p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      r.tokens = new TokenBuffer(p);
      JsonToken first = r.next(p);
      if (first == null) {
        r.problems.add(
            Problem.error("BP-FILE-004", Location.ofFile(name), "", "holds no YAML document"));
        return new Result(null, r.problems);
      }
      root = r.node(p, first);
      if (!(root instanceof MapNode)) {
        r.problems.add(
            Problem.error(
                    "BP-YAML-004",
                    root.location(name),
                    "",
                    "the document must be a mapping of keys to values, not " + describe(root))
                .withHint("start the file with 'blueprint: 1' and 'engagement:'"));
      }
      JsonToken next = r.next(p);
      if (next != null) {
        r.problems.add(
            Problem.error(
                    "BP-YAML-007",
                    YamlNode.at(name, r.loc(p)),
                    "",
                    "a second YAML document starts here; a blueprint file holds exactly one")
                .withHint("remove the '---' line and what follows, or split it into two files"));
      }
    } catch (StreamConstraintsException e) {
      r.problems.add(
          Problem.error(
              "BP-YAML-005",
              r.last >= 0 ? YamlNode.at(name, r.last) : Location.ofFile(name),
              "",
              "nested too deeply: at most "
                  + BlueprintMapper.MAX_NESTING
                  + " levels of mappings and lists are accepted"));
      root = null;
    } catch (JsonProcessingException e) {
      r.problems.add(syntax(name, e));
      root = null;
    } catch (IOException e) {
      r.problems.add(
          Problem.error(
              "BP-YAML-001", Location.ofFile(name), "", "cannot be read: " + e.getMessage()));
      root = null;
    }
    return new Result(root, List.copyOf(r.problems), root == null ? null : r.tokens);
  }

  /** The next token, also recorded for binding; a key is interned first (see {@link #keys}). */
  private JsonToken next(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.FIELD_NAME) {
      String seen = p.currentName();
      key = keys.putIfAbsent(seen, seen);
      if (key == null) {
        key = seen;
      }
      tokens.writeFieldName(key);
    } else if (t != null) {
      tokens.copyCurrentEvent(p);
    }
    return t;
  }

  private YamlNode node(JsonParser p, JsonToken t) throws IOException {
    long at = loc(p);
    checkAnchor(p, at);
    if (t != JsonToken.VALUE_EMBEDDED_OBJECT) {
      checkTag(p, at);
    }
    switch (t) {
      case START_OBJECT -> {
        List<String> names = new ArrayList<>();
        List<YamlNode> values = new ArrayList<>();
        long[] keyPos = new long[8];
        // a map from key to index only for large mappings: most have a handful of keys, where a
        // scan is cheaper than a map per mapping
        Map<String, Integer> index = null;
        for (JsonToken k = next(p); k != JsonToken.END_OBJECT; k = next(p)) {
          String keyName = key;
          long keyAt = loc(p);
          YamlNode value = node(p, next(p));
          int previous = -1;
          if (index != null) {
            previous = index.getOrDefault(keyName, -1);
          } else {
            previous = names.indexOf(keyName);
          }
          if (previous >= 0) {
            problems.add(
                Problem.error(
                        "BP-YAML-006",
                        YamlNode.at(name, keyAt),
                        "",
                        "duplicate key '"
                            + keyName
                            + "'; it was already given at line "
                            + (int) (keyPos[previous] >>> 32))
                    .withHint("keep one of the two"));
          } else {
            int i = names.size();
            if (i == keyPos.length) {
              keyPos = Arrays.copyOf(keyPos, i * 2);
            }
            keyPos[i] = keyAt;
            names.add(keyName);
            values.add(value);
            if (index != null) {
              index.put(keyName, i);
            } else if (names.size() > 16) {
              index = new HashMap<>();
              for (int j = 0; j < names.size(); j++) {
                index.put(names.get(j), j);
              }
            }
          }
        }
        return new MapNode(
            at,
            names.toArray(new String[0]),
            Arrays.copyOf(keyPos, names.size()),
            values.toArray(new YamlNode[0]));
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken i = next(p); i != JsonToken.END_ARRAY; i = next(p)) {
          items.add(node(p, i));
        }
        return new ListNode(at, items.toArray(new YamlNode[0]));
      }
      case VALUE_EMBEDDED_OBJECT -> {
        problems.add(
            Problem.error(
                    "BP-YAML-008",
                    YamlNode.at(name, at),
                    "",
                    "a YAML tag such as !!binary is not supported in blueprint files")
                .withHint("write the value as plain text"));
        return new ScalarNode(at, JsonToken.VALUE_NULL, "");
      }
      default -> {
        if (p instanceof YAMLParser yp && yp.isCurrentAlias()) {
          if (!reportedAlias) {
            reportedAlias = true;
            problems.add(aliasProblem(YamlNode.at(name, at), "*" + p.getText()));
          }
          return new ScalarNode(at, JsonToken.VALUE_NULL, "");
        }
        if (!t.isScalarValue()) {
          throw new IllegalStateException("unexpected token " + t + " at " + YamlNode.at(name, at));
        }
        return new ScalarNode(at, t, p.getText());
      }
    }
  }

  /**
   * Any explicit tag ({@code !custom}, {@code !!str}, {@code !!java.net.URL}) is refused: the
   * parser would otherwise drop it silently, so the value would not mean what its author wrote.
   */
  private void checkTag(JsonParser p, long at) throws IOException {
    String tag = p.getTypeId() instanceof String s ? s : null;
    if (tag != null && !tag.isEmpty()) {
      problems.add(
          Problem.error(
                  "BP-YAML-008",
                  YamlNode.at(name, at),
                  "",
                  "a YAML tag ("
                      + (tag.startsWith("tag:yaml.org,2002:")
                          ? "!!" + tag.substring("tag:yaml.org,2002:".length())
                          : tag.startsWith("!") ? tag : "!" + tag)
                      + ") is not supported in blueprint files")
              .withHint("remove the tag; quote the value if it must be text"));
    }
  }

  private void checkAnchor(JsonParser p, long at) throws IOException {
    Object anchor = p.getObjectId();
    if (anchor != null && !reportedAlias) {
      reportedAlias = true;
      problems.add(aliasProblem(YamlNode.at(name, at), "&" + anchor));
    }
  }

  private Problem aliasProblem(Location at, String what) {
    return Problem.error(
            "BP-YAML-005",
            at,
            "",
            "anchors and aliases ("
                + what
                + ") are not supported in blueprint files, which also refuses alias bombs")
        .withHint("write the repeated values out");
  }

  private long loc(JsonParser p) {
    if (p instanceof PipelinedYamlFactory.Parser parser) {
      last = parser.currentTokenPos();
    } else {
      JsonLocation l = p.currentTokenLocation();
      last = YamlNode.pos(l.getLineNr(), l.getColumnNr());
    }
    return last;
  }

  static String describe(YamlNode node) {
    if (node instanceof MapNode) {
      return "a mapping";
    }
    if (node instanceof ListNode) {
      return "a list";
    }
    ScalarNode s = (ScalarNode) node;
    return switch (s.token()) {
      case VALUE_NUMBER_INT -> "the whole number " + s.text();
      case VALUE_NUMBER_FLOAT -> "the number " + s.text();
      case VALUE_TRUE, VALUE_FALSE ->
          "the boolean '" + s.text() + "' (YAML reads yes/no/on/off as booleans)";
      case VALUE_NULL -> "an empty value";
      default -> "text '" + abbreviate(s.text()) + "'";
    };
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  static Problem syntax(String name, JsonProcessingException e) {
    String msg = e.getOriginalMessage();
    // SnakeYAML says what it was doing, then the problem; the rest is a snippet of the file
    String first =
        msg == null
            ? ""
            : String.join(
                "; ",
                msg.lines()
                    .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                    .filter(l -> !l.startsWith("at [Source"))
                    .limit(2)
                    .toList());
    Location where =
        e.getLocation() == null
            ? Location.ofFile(name)
            : SourceMap.toLocation(name, e.getLocation());
    return Problem.error("BP-YAML-001", where, "", "not valid YAML: " + first)
        .withHint("check the indentation and quoting around this line");
  }
}
