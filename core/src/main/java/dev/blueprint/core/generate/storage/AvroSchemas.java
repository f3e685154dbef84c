package dev.blueprint.core.generate.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Field;
import dev.blueprint.core.model.FieldType;
import java.util.Map;

/**
 * Avro record schemas for datasets: the raw-zone files and every Kafka message value. Logical types
 * carry the meaning of timestamps (timestamp-micros), dates, decimals (bytes, precision 38, scale
 * 9) and UUIDs; a nullable field is a union with null first and default null, so readers of older
 * data can add it (schema evolution by name).
 */
public final class AvroSchemas {
  /** Precision and scale of the logical decimal type everywhere. */
  public static final int DECIMAL_PRECISION = 38;

  public static final int DECIMAL_SCALE = 9;

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private AvroSchemas() {}

  /** The record schema of a dataset. */
  public static ObjectNode of(Dataset d, String engagementId) {
    ObjectNode record = F.objectNode();
    record.put("type", "record");
    record.put("name", StorageNames.avroName(d.name()));
    record.put("namespace", StorageNames.avroNamespace(engagementId));
    if (notBlank(d.description())) {
      record.put("doc", d.description());
    }
    ArrayNode fields = record.putArray("fields");
    for (Map.Entry<Field, String> e :
        FieldNames.unique(d.fields(), StorageNames::avroName).entrySet()) {
      Field f = e.getKey();
      ObjectNode field = fields.addObject();
      field.put("name", e.getValue());
      if (!e.getValue().equals(f.name())) {
        field.put("x-blueprint-name", f.name());
      }
      JsonNode type = type(f.type());
      if (f.isNullable()) {
        field.set("type", F.arrayNode().add("null").add(type));
        field.putNull("default");
      } else {
        field.set("type", type);
      }
      if (notBlank(f.description())) {
        field.put("doc", f.description());
      }
    }
    return record;
  }

  /** The Avro type of a logical field type. */
  public static JsonNode type(FieldType t) {
    return switch (t == null ? FieldType.STRING : t) {
      case STRING -> F.textNode("string");
      case INT -> F.textNode("int");
      case LONG -> F.textNode("long");
      case DOUBLE -> F.textNode("double");
      case BOOLEAN -> F.textNode("boolean");
      case BYTES -> F.textNode("bytes");
      case JSON -> F.objectNode().put("type", "string").put("x-blueprint-content", "json");
      case DATE -> logical("int", "date");
      case TIMESTAMP -> logical("long", "timestamp-micros");
      case UUID -> logical("string", "uuid");
      case DECIMAL ->
          logical("bytes", "decimal")
              .put("precision", DECIMAL_PRECISION)
              .put("scale", DECIMAL_SCALE);
    };
  }

  private static ObjectNode logical(String type, String logicalType) {
    return F.objectNode().put("type", type).put("logicalType", logicalType);
  }

  static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
