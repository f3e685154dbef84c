package dev.blueprint.core.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprint.core.load.BlueprintMapper;
import dev.blueprint.core.load.Shape;
import dev.blueprint.core.load.Shape.EnumShape;
import dev.blueprint.core.load.Shape.ListShape;
import dev.blueprint.core.load.Shape.MapShape;
import dev.blueprint.core.load.Shape.ObjectShape;
import dev.blueprint.core.load.Shape.Property;
import dev.blueprint.core.load.Shape.ScalarShape;
import dev.blueprint.core.load.Shapes;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.validate.Validator;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the JSON Schema (draft 2020-12) of the blueprint file format from the model records,
 * through the same {@link Shape} the loader checks files against. Editors use it to complete and
 * check blueprint files.
 */
public final class SchemaGenerator {
  public static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";
  public static final String ID = "https://blueprint.dev/schema/blueprint.schema.json";

  /** Durations as {@code Durations.parse} reads them: 30m, 12h, 7d, 2w, 500ms or ISO-8601. */
  public static final String DURATION_PATTERN =
      "^\\s*([0-9]{1,12}\\s*([mM][sS]|[sSmMhHdDwW])|[pP][0-9tTyYmMwWdDhHsS.,]+)\\s*$";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Map<String, ObjectNode> defs = new LinkedHashMap<>();
  private final Deque<ObjectShape> pending = new ArrayDeque<>();

  private SchemaGenerator() {}

  /** The schema as a JSON tree. */
  public static ObjectNode schema() {
    return new SchemaGenerator().generate();
  }

  /** The schema as pretty-printed JSON text with a final newline. */
  public static String schemaText() {
    try {
      return BlueprintMapper.json().writerWithDefaultPrettyPrinter().writeValueAsString(schema())
          + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ObjectNode generate() {
    ObjectShape root = (ObjectShape) Shapes.of(Blueprint.class);
    ObjectNode schema = F.objectNode();
    schema.put("$schema", DRAFT);
    schema.put("$id", ID);
    schema.put("title", "blueprint file");
    schema.put(
        "description",
        "A requirements document (engagement, requirements, sources, consumers) or, with"
            + " architecture filled in, a blueprint. Generated from the model by 'blueprint"
            + " schema'.");
    ObjectNode body = object(root);
    schema.setAll(body);
    while (!pending.isEmpty()) {
      ObjectShape next = pending.pop();
      String name = next.type().getSimpleName();
      defs.put(name, object(next));
    }
    ObjectNode d = schema.putObject("$defs");
    defs.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> d.set(e.getKey(), e.getValue()));
    return schema;
  }

  private ObjectNode object(ObjectShape shape) {
    ObjectNode o = F.objectNode();
    o.put("type", "object");
    ObjectNode props = o.putObject("properties");
    for (Property p : shape.properties().values()) {
      ObjectNode ps = node(p.shape());
      if (p.description() != null) {
        ObjectNode withDescription = F.objectNode();
        withDescription.put("description", p.description());
        withDescription.setAll(ps);
        ps = withDescription;
      }
      props.set(p.name(), ps);
    }
    List<String> required = Validator.requiredKeys(shape.type());
    if (!required.isEmpty()) {
      ArrayNode r = o.putArray("required");
      required.forEach(r::add);
    }
    o.put("additionalProperties", false);
    return o;
  }

  private ObjectNode node(Shape shape) {
    ObjectNode n = F.objectNode();
    if (shape instanceof ObjectShape o) {
      String name = o.type().getSimpleName();
      if (!defs.containsKey(name)) {
        defs.put(name, null);
        pending.push(o);
      }
      n.put("$ref", "#/$defs/" + name);
    } else if (shape instanceof ListShape l) {
      n.put("type", "array");
      n.set("items", node(l.items()));
    } else if (shape instanceof MapShape m) {
      n.put("type", "object");
      n.set("additionalProperties", node(m.values()));
    } else if (shape instanceof EnumShape e) {
      n.put("type", "string");
      ArrayNode values = n.putArray("enum");
      e.values().forEach(values::add);
    } else {
      scalar(n, (ScalarShape) shape);
    }
    return n;
  }

  private static void scalar(ObjectNode n, ScalarShape s) {
    switch (s.kind()) {
      case TEXT -> n.put("type", "string");
      case INT -> {
        n.put("type", "integer");
        n.put("minimum", Integer.MIN_VALUE);
        n.put("maximum", Integer.MAX_VALUE);
      }
      case LONG -> n.put("type", "integer");
      case NUMBER -> n.put("type", "number");
      case BOOLEAN -> n.put("type", "boolean");
      case DURATION -> {
        n.put("type", "string");
        n.put("pattern", DURATION_PATTERN);
        n.set("examples", F.arrayNode().add("30m").add("12h").add("7d"));
      }
      case DATE -> {
        n.put("type", "string");
        n.put("format", "date");
      }
    }
  }
}
