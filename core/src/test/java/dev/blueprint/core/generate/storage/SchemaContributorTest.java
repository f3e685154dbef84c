package dev.blueprint.core.generate.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.DataFormat;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Field;
import dev.blueprint.core.model.FieldType;
import dev.blueprint.core.model.StoreFamily;
import dev.blueprint.core.model.Zone;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated schemas against the reference parsers: Apache Avro's Schema.Parser, parquet-mr's
 * MessageTypeParser and networknt's JSON Schema validator (2020-12 meta-schema).
 */
class SchemaContributorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void clickstreamAvroSchemasParseWithLogicalTypes() throws Exception {
    Generated g = Generated.run(Generated.clickstream(), dir, new SchemaContributor());
    // page_views_raw is an Avro dataset and the value of web.page-views.v1
    assertEquals(
        List.of(
            "storage/schemas/orders_snapshot.parquet.txt",
            "storage/schemas/page_views_clean.parquet.txt",
            "storage/schemas/page_views_raw.avsc",
            "storage/schemas/visitor_journeys.parquet.txt"),
        List.copyOf(g.files()));
    org.apache.avro.Schema avro =
        new org.apache.avro.Schema.Parser().parse(g.read("storage/schemas/page_views_raw.avsc"));
    assertEquals("clickstream_analytics.page_views_raw", avro.getFullName());
    assertEquals(
        LogicalTypes.timestampMicros(), avro.getField("event_time").schema().getLogicalType());
    assertEquals(LogicalTypes.uuid(), avro.getField("event_id").schema().getLogicalType());
    org.apache.avro.Schema referrer = avro.getField("referrer").schema();
    assertEquals(org.apache.avro.Schema.Type.UNION, referrer.getType());
    assertEquals(org.apache.avro.Schema.Type.NULL, referrer.getTypes().get(0).getType());
    assertTrue(avro.getField("referrer").hasDefaultValue());
    assertEquals("Analytics tracker id shared across sessions.", avro.getField("tracker_id").doc());
  }

  @Test
  void clickstreamParquetMessageTypesParseAndPrintTheSame() throws Exception {
    Generated g = Generated.run(Generated.clickstream(), dir, new SchemaContributor());
    for (String file : g.filesUnder("storage/schemas/", ".parquet.txt")) {
      String text = g.read(file);
      MessageType parsed = MessageTypeParser.parseMessageType(text);
      assertEquals(normalise(text), normalise(parsed.toString()), file);
    }
    MessageType journeys =
        MessageTypeParser.parseMessageType(g.read("storage/schemas/visitor_journeys.parquet.txt"));
    PrimitiveType revenue = journeys.getType("revenue").asPrimitiveType();
    assertEquals(Type.Repetition.REQUIRED, revenue.getRepetition());
    assertEquals(LogicalTypeAnnotation.decimalType(9, 38), revenue.getLogicalTypeAnnotation());
    assertEquals(16, revenue.getTypeLength());
    MessageType clean =
        MessageTypeParser.parseMessageType(g.read("storage/schemas/page_views_clean.parquet.txt"));
    assertEquals(
        LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS),
        clean.getType("event_time").getLogicalTypeAnnotation());
    assertEquals(
        LogicalTypeAnnotation.uuidType(), clean.getType("event_id").getLogicalTypeAnnotation());
    assertEquals(
        LogicalTypeAnnotation.dateType(), clean.getType("event_date").getLogicalTypeAnnotation());
    assertEquals(Type.Repetition.OPTIONAL, clean.getType("utm_campaign").getRepetition());
  }

  @Test
  void everyExampleSchemaParsesWithTheReferenceParsers() throws Exception {
    int avro = 0;
    int parquet = 0;
    for (Path example : Generated.exampleBlueprints()) {
      Generated g =
          Generated.run(
              Generated.load(example),
              dir.resolve(example.getParent().getFileName().toString()),
              new SchemaContributor());
      for (String f : g.filesUnder("storage/schemas/", ".avsc")) {
        new org.apache.avro.Schema.Parser().parse(g.read(f));
        avro++;
      }
      for (String f : g.filesUnder("storage/schemas/", ".parquet.txt")) {
        MessageType parsed = MessageTypeParser.parseMessageType(g.read(f));
        assertEquals(normalise(g.read(f)), normalise(parsed.toString()), f);
        parquet++;
      }
    }
    assertTrue(avro >= 4 && parquet >= 4, avro + " avsc, " + parquet + " parquet");
  }

  @Test
  void everyTypeInEveryFormatParses() throws Exception {
    Blueprint b = allTypes("2026 weird-engagement.id", "all types");
    Generated g = Generated.run(b, dir, new SchemaContributor());
    assertEquals(
        List.of(
            "storage/schemas/all_avro.avsc",
            "storage/schemas/all_csv.csv.md",
            "storage/schemas/all_json.schema.json",
            "storage/schemas/all_parquet.parquet.txt"),
        List.copyOf(g.files()));
    org.apache.avro.Schema avro =
        new org.apache.avro.Schema.Parser().parse(g.read("storage/schemas/all_avro.avsc"));
    // namespaces and names must match [A-Za-z_][A-Za-z0-9_]*
    assertEquals("_2026_weird_engagement.id", avro.getNamespace());
    assertInstanceOf(
        LogicalTypes.Decimal.class, avro.getField("f_decimal").schema().getLogicalType());
    assertEquals(LogicalTypes.date(), avro.getField("f_date").schema().getLogicalType());
    assertEquals("_1st_field", avro.getFields().get(avro.getFields().size() - 1).name());
    MessageTypeParser.parseMessageType(g.read("storage/schemas/all_parquet.parquet.txt"));
    String csv = g.read("storage/schemas/all_csv.csv.md");
    assertTrue(csv.contains("```csv\nf_string,f_int,"), csv);
    assertTrue(csv.contains("| Null marker |"), csv);
  }

  @Test
  void jsonSchemaIsAValid202012SchemaAndValidatesRecords() throws Exception {
    Generated g = Generated.run(allTypes("e", "d"), dir, new SchemaContributor());
    String text = g.read("storage/schemas/all_json.schema.json");
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Schema meta =
        registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    List<Error> metaErrors = meta.validate(text, InputFormat.JSON);
    assertTrue(metaErrors.isEmpty(), metaErrors.toString());

    Schema schema = registry.getSchema(text, InputFormat.JSON);
    JsonNode good =
        JSON.readTree(
            """
            {"f_string": "x", "f_int": 7, "f_long": 9007199254740993, "f_double": 1.5,
             "f_decimal": "1234.123456789", "f_boolean": true, "f_date": "2026-01-31",
             "f_timestamp": "2026-01-31T23:59:59.123456Z",
             "f_uuid": "123e4567-e89b-12d3-a456-426614174000", "f_bytes": "AAEC",
             "f_json": {"any": [1, 2]}, "1st-field": null}
            """);
    assertEquals(List.of(), schema.validate(good));
    JsonNode bad =
        JSON.readTree(
            """
            {"f_string": null, "f_int": 3000000000, "f_decimal": "1.1234567890"}
            """);
    List<Error> errors = schema.validate(bad);
    List<String> where = new ArrayList<>();
    errors.forEach(e -> where.add(e.toString()));
    String all = String.join("\n", where);
    assertTrue(all.contains("f_string"), all);
    assertTrue(all.contains("f_int"), all);
    assertTrue(all.contains("f_decimal"), all);
    assertTrue(all.contains("f_boolean"), all); // required and missing
  }

  @Test
  void hostileDescriptionsParseBackEqualInJsonOutputs() throws Exception {
    for (String hostile : dev.blueprint.core.generate.escape.HostileStrings.all(60)) {
      Path sub =
          dir.resolve("h" + Integer.toHexString(hostile.hashCode()) + "-" + hostile.length());
      Generated g = Generated.run(allTypes("e", hostile), sub, new SchemaContributor());
      JsonNode avsc = JSON.readTree(g.read("storage/schemas/all_avro.avsc"));
      JsonNode json = JSON.readTree(g.read("storage/schemas/all_json.schema.json"));
      if (!hostile.isBlank()) {
        assertEquals(hostile, avsc.get("doc").asText());
        assertEquals(hostile, json.get("description").asText());
        assertEquals(hostile, avsc.get("fields").get(0).get("doc").asText());
        new org.apache.avro.Schema.Parser().parse(g.read("storage/schemas/all_avro.avsc"));
      }
      assertFalse(g.read("storage/schemas/all_csv.csv.md").contains("\r"));
    }
  }

  /** A blueprint with one dataset per format, each with every field type. */
  static Blueprint allTypes(String engagementId, String description) {
    List<Dataset> datasets = new ArrayList<>();
    for (DataFormat f : DataFormat.values()) {
      String name = "all_" + f.name().toLowerCase(java.util.Locale.ROOT);
      datasets.add(
          new Dataset(
              name,
              description,
              "team",
              "domain",
              Zone.RAW,
              StoreFamily.OBJECT_STORAGE,
              f,
              null,
              null,
              allFields(description),
              List.of("f_string"),
              List.of(),
              List.of(),
              null,
              List.of(),
              null));
    }
    return new Blueprint(
        1,
        new dev.blueprint.core.model.Engagement(
            engagementId, "t", null, null, List.of(), null, null, null),
        null,
        List.of(),
        List.of(),
        new Architecture(datasets, List.of(), List.of(), List.of(), List.of()));
  }

  static List<Field> allFields(String description) {
    List<Field> fields = new ArrayList<>();
    for (FieldType t : FieldType.values()) {
      String name = "f_" + t.name().toLowerCase(java.util.Locale.ROOT);
      boolean nullable = t == FieldType.JSON;
      fields.add(new Field(name, t, nullable, description));
    }
    fields.add(new Field("1st-field", FieldType.STRING, true, null));
    return fields;
  }

  private static String normalise(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }
}
