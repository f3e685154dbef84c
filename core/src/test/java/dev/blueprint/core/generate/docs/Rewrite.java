package dev.blueprint.core.generate.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.blueprint.core.load.BlueprintMapper;
import dev.blueprint.core.model.Blueprint;
import java.util.Map;
import java.util.Set;

/** Replaces every free-text value of a blueprint (never a name that something refers to). */
final class Rewrite {
  private Rewrite() {}

  private static final Set<String> TEXT_KEYS =
      Set.of(
          "description",
          "title",
          "text",
          "context",
          "rationale",
          "confirmation",
          "businessProblem",
          "coreProblem",
          "metric",
          "scope",
          "timeFrame",
          "role");
  private static final Set<String> TEXT_LISTS =
      Set.of("pros", "cons", "good", "bad", "decisionMakers", "painPoints", "components");

  static Blueprint texts(Blueprint b, String text) throws Exception {
    JsonNode tree = BlueprintMapper.json().valueToTree(b);
    walk(tree, "", text);
    return BlueprintMapper.json().treeToValue(tree, Blueprint.class);
  }

  /**
   * Renames sources, consumers, caches and stream producers/consumers that name no pipeline, in
   * every place they are named, to {@code text} plus a counter: hostile names for the diagram.
   */
  static Blueprint names(Blueprint b, String text) throws Exception {
    JsonNode tree = BlueprintMapper.json().valueToTree(b);
    Map<String, String> renames = new java.util.LinkedHashMap<>();
    for (JsonNode s : tree.path("sources")) {
      renames.put(s.get("id").asText(), text + " src" + renames.size());
    }
    for (JsonNode c : tree.path("consumers")) {
      renames.put(c.get("id").asText(), text + " con" + renames.size());
    }
    for (JsonNode c : tree.path("architecture").path("caches")) {
      renames.put(c.get("name").asText(), text + " cache" + renames.size());
    }
    rename(tree, renames);
    return BlueprintMapper.json().treeToValue(tree, Blueprint.class);
  }

  private static void rename(JsonNode node, Map<String, String> renames) {
    if (node instanceof ObjectNode o) {
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        if (e.getValue().isTextual()
            && renames.containsKey(e.getValue().asText())
            && Set.of("id", "name").contains(e.getKey())) {
          o.put(e.getKey(), renames.get(e.getValue().asText()));
        } else {
          rename(e.getValue(), renames);
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isTextual() && renames.containsKey(a.get(i).asText())) {
          a.set(i, TextNode.valueOf(renames.get(a.get(i).asText())));
        } else {
          rename(a.get(i), renames);
        }
      }
    }
  }

  private static void walk(JsonNode node, String parentKey, String text) {
    if (node instanceof ObjectNode o) {
      java.util.List<String> replace = new java.util.ArrayList<>();
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        boolean optionName = parentKey.equals("options") && e.getKey().equals("name");
        boolean personName = parentKey.equals("person") && e.getKey().equals("name");
        if (e.getValue().isTextual()
            && (TEXT_KEYS.contains(e.getKey()) || optionName || personName)) {
          replace.add(e.getKey());
        } else if (e.getValue() instanceof ArrayNode a && TEXT_LISTS.contains(e.getKey())) {
          for (int i = 0; i < a.size(); i++) {
            if (a.get(i).isTextual()) {
              a.set(i, TextNode.valueOf(text + " " + i));
            }
          }
        } else {
          String key =
              e.getKey().equals("problemOwner") || e.getKey().equals("stakeholders")
                  ? "person"
                  : e.getKey();
          walk(e.getValue(), key, text);
        }
      }
      replace.forEach(k -> o.put(k, text));
      if (parentKey.equals("decisions") && o.has("chosen") && o.has("options")) {
        o.put("chosen", text);
      }
    } else if (node instanceof ArrayNode a) {
      for (JsonNode child : a) {
        walk(child, parentKey, text);
      }
    }
  }
}
