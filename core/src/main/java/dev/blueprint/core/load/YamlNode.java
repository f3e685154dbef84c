package dev.blueprint.core.load;

import com.fasterxml.jackson.core.JsonToken;
import dev.blueprint.core.problem.Location;
import java.util.List;
import java.util.Map;

/** A YAML document as read, every node with where it starts, before it is bound to the model. */
sealed interface YamlNode {

  Location location();

  /** A mapping; entries keep the file's order. */
  record MapNode(Location location, Map<String, Entry> entries) implements YamlNode {}

  /** A key with where the key itself stands, and its value. */
  record Entry(String key, Location keyLocation, YamlNode value) {}

  /** A sequence. */
  record ListNode(Location location, List<YamlNode> items) implements YamlNode {}

  /** A scalar with the token the parser saw (string, number, boolean or null) and its text. */
  record ScalarNode(Location location, JsonToken token, String text) implements YamlNode {}
}
