package dev.blueprint.core.generate.storage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Field;
import dev.blueprint.core.model.FieldType;
import dev.blueprint.core.model.Reference;
import dev.blueprint.core.model.StoreFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * MongoDB collections of the document datasets: a {@code $jsonSchema} validator (strict, error), a
 * unique index on the primary key, an index per identity key and a TTL index on the first timestamp
 * field when the dataset has a retention. All values reach the script as JSON, which is also
 * JavaScript.
 */
public final class MongoDdl {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private MongoDdl() {}

  public record Database(String name, String nameJson, String file, List<Collection> collections) {
    public Database {
      collections = List.copyOf(collections);
    }
  }

  public record Collection(
      String dataset,
      String description,
      String nameJson,
      String optionsJson,
      List<Index> indexes,
      List<String> notes) {
    public Collection {
      indexes = List.copyOf(indexes);
      notes = List.copyOf(notes);
    }
  }

  /** One createIndex call: keys and options as JSON, and a comment. */
  public record Index(String keysJson, String optionsJson, String comment) {}

  public static List<Database> of(Blueprint b) {
    Map<String, List<Collection>> byDb = new TreeMap<>();
    for (Dataset d : StorageLayout.sorted(b.architectureOrEmpty().datasets())) {
      if (d.store() == StoreFamily.DOCUMENT) {
        byDb.computeIfAbsent(Stores.mongoDatabase(d, b), k -> new ArrayList<>())
            .add(collection(d, b));
      }
    }
    List<Database> out = new ArrayList<>();
    byDb.forEach(
        (db, list) ->
            out.add(
                new Database(
                    db,
                    StructuredText.compactJson(db),
                    "storage/ddl/mongodb/" + db + ".js",
                    list.stream()
                        .sorted(java.util.Comparator.comparing(Collection::dataset))
                        .toList())));
    return out;
  }

  static Collection collection(Dataset d, Blueprint b) {
    Architecture a = b.architectureOrEmpty();
    ObjectNode options = F.objectNode();
    options.putObject("validator").set("$jsonSchema", jsonSchema(d));
    options.put("validationLevel", "strict");
    options.put("validationAction", "error");
    List<Index> indexes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String name = d.name();
    List<String> indexed = new ArrayList<>();
    if (!d.primaryKey().isEmpty() && !d.primaryKey().equals(List.of("_id"))) {
      indexes.add(index(d.primaryKey(), name + "_pk", true, null, "primary key: unique"));
      indexed.add(String.join(",", d.primaryKey()));
    }
    Optional<Field> ttlField = ttlField(d);
    for (String k : d.identityKeys()) {
      boolean isTtl =
          ttlField.isPresent() && ttlField.get().name().equals(k) && d.retention() != null;
      if (!indexed.contains(k) && !isTtl) {
        indexes.add(index(List.of(k), name + "_" + k + "_idx", false, null, "identity key"));
        indexed.add(k);
      }
    }
    if (d.retention() != null) {
      if (ttlField.isPresent() && !indexed.contains(ttlField.get().name())) {
        long seconds = d.retention().getSeconds();
        indexes.add(
            index(
                List.of(ttlField.get().name()),
                name + "_ttl",
                false,
                seconds,
                "TTL: documents expire "
                    + dev.blueprint.core.model.Durations.format(d.retention())
                    + " after "
                    + ttlField.get().name()));
      } else {
        notes.add(
            "no date field for a TTL index: expire documents older than "
                + dev.blueprint.core.model.Durations.format(d.retention())
                + " with a scheduled job");
      }
    }
    for (Reference r : d.references()) {
      String where =
          a.dataset(r.dataset())
              .map(t -> Stores.location(t, b))
              .orElse("a dataset outside this blueprint");
      notes.add(
          r.field()
              + " references "
              + r.dataset()
              + "."
              + StorageLayout.targetField(r, a)
              + " ("
              + where
              + ")");
    }
    return new Collection(
        d.name(),
        d.description(),
        StructuredText.compactJson(d.name()),
        indent(StructuredText.json(options).strip()),
        indexes,
        notes);
  }

  private static Index index(
      List<String> keys, String name, boolean unique, Long expireAfterSeconds, String comment) {
    ObjectNode k = F.objectNode();
    keys.forEach(key -> k.put(key, 1));
    ObjectNode o = F.objectNode();
    o.put("name", StorageNames.objectName(name));
    if (unique) {
      o.put("unique", true);
    }
    if (expireAfterSeconds != null) {
      o.put("expireAfterSeconds", expireAfterSeconds);
    }
    return new Index(StructuredText.compactJson(k), StructuredText.compactJson(o), comment);
  }

  /** The first non-nullable timestamp, else any timestamp, else any date field. */
  static Optional<Field> ttlField(Dataset d) {
    return d.fields().stream()
        .filter(f -> f.type() == FieldType.TIMESTAMP && !f.isNullable())
        .findFirst()
        .or(() -> d.fields().stream().filter(f -> f.type() == FieldType.TIMESTAMP).findFirst())
        .or(() -> d.fields().stream().filter(f -> f.type() == FieldType.DATE).findFirst());
  }

  /** The collection validator: BSON types, required fields, descriptions. */
  public static ObjectNode jsonSchema(Dataset d) {
    ObjectNode s = F.objectNode();
    s.put("bsonType", "object");
    s.put("title", d.name());
    if (AvroSchemas.notBlank(d.description())) {
      s.put("description", d.description());
    }
    ArrayNode required = F.arrayNode();
    ObjectNode props = F.objectNode();
    for (Field f : d.fields()) {
      ObjectNode p = props.putObject(f.name());
      String bson = bsonType(f.type());
      if (bson != null) {
        if (f.isNullable()) {
          p.set("bsonType", F.arrayNode().add(bson).add("null"));
        } else {
          p.put("bsonType", bson);
        }
      }
      if (AvroSchemas.notBlank(f.description())) {
        p.put("description", f.description());
      }
      if (!f.isNullable()) {
        required.add(f.name());
      }
    }
    if (!required.isEmpty()) {
      s.set("required", required);
    }
    s.set("properties", props);
    return s;
  }

  /** The BSON type of a logical field type; null for any (json). */
  public static String bsonType(FieldType t) {
    return switch (t == null ? FieldType.STRING : t) {
      case STRING -> "string";
      case INT -> "int";
      case LONG -> "long";
      case DOUBLE -> "double";
      case DECIMAL -> "decimal";
      case BOOLEAN -> "bool";
      case DATE, TIMESTAMP -> "date";
      case UUID, BYTES -> "binData";
      case JSON -> null;
    };
  }

  private static String indent(String json) {
    return json.replace("\n", "\n  ");
  }
}
