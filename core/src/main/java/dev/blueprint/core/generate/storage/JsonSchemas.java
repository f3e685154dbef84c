package dev.blueprint.core.generate.storage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Field;
import dev.blueprint.core.model.FieldType;

/**
 * JSON Schema (draft 2020-12) for datasets stored as JSON: one object per record, non-nullable
 * fields required. Decimals are strings so that no precision is lost in a double; timestamps, dates
 * and UUIDs are strings with their format; bytes are base64.
 */
public final class JsonSchemas {
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  /** A decimal(38, 9) written as text: up to 29 digits before the point and 9 after. */
  public static final String DECIMAL_PATTERN = "^-?[0-9]{1,29}(\\.[0-9]{1,9})?$";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JsonSchemas() {}

  public static ObjectNode of(Dataset d, String engagementId) {
    ObjectNode schema = F.objectNode();
    schema.put("$schema", DIALECT);
    schema.put(
        "$id",
        "urn:blueprint:"
            + StorageNames.fileStem(engagementId == null ? "blueprint" : engagementId)
            + ":"
            + StorageNames.fileStem(d.name()));
    schema.put("title", d.name());
    if (AvroSchemas.notBlank(d.description())) {
      schema.put("description", d.description());
    }
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = F.arrayNode();
    for (Field f : d.fields()) {
      ObjectNode p = type(f.type(), f.isNullable());
      if (AvroSchemas.notBlank(f.description())) {
        p.put("description", f.description());
      }
      properties.set(f.name(), p);
      if (!f.isNullable()) {
        required.add(f.name());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    return schema;
  }

  /** The schema of one field's value; a nullable one also accepts null. */
  public static ObjectNode type(FieldType t, boolean nullable) {
    ObjectNode p = F.objectNode();
    FieldType type = t == null ? FieldType.STRING : t;
    if (type == FieldType.JSON) {
      return p; // any JSON value, null included
    }
    String json =
        switch (type) {
          case INT, LONG -> "integer";
          case DOUBLE -> "number";
          case BOOLEAN -> "boolean";
          default -> "string";
        };
    if (nullable) {
      p.set("type", F.arrayNode().add(json).add("null"));
    } else {
      p.put("type", json);
    }
    switch (type) {
      case INT -> p.put("minimum", Integer.MIN_VALUE).put("maximum", Integer.MAX_VALUE);
      case LONG -> p.put("minimum", Long.MIN_VALUE).put("maximum", Long.MAX_VALUE);
      case DECIMAL -> p.put("pattern", DECIMAL_PATTERN);
      case DATE -> p.put("format", "date");
      case TIMESTAMP -> p.put("format", "date-time");
      case UUID -> p.put("format", "uuid");
      case BYTES -> p.put("contentEncoding", "base64");
      default -> {
        // no further constraint
      }
    }
    return p;
  }
}
