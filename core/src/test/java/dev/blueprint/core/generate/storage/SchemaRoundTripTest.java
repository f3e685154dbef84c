package dev.blueprint.core.generate.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.core.generate.Generator;
import dev.blueprint.core.generate.GeneratorOptions;
import dev.blueprint.core.model.FieldType;
import dev.blueprint.core.testing.Examples;
import dev.blueprint.core.testing.PyChecks;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated Avro and Parquet schemas used by the real Python writers (fastavro and pyarrow,
 * pinned in the Makefile, installed by {@code make tools}): checks/schema_roundtrip.py writes a
 * sample file of two rows for each, reads it back unchanged, and for Parquet compares the file's
 * own schema with the generated message type column by column.
 */
class SchemaRoundTripTest {

  /** Runs the script on the schemas; file to its JSON result line. */
  static Map<String, JsonNode> roundTrip(List<Path> schemas, Path workdir) throws Exception {
    Path script = workdir.resolve("schema_roundtrip.py");
    try (InputStream in =
        SchemaRoundTripTest.class.getResourceAsStream("/checks/schema_roundtrip.py")) {
      Files.write(script, in.readAllBytes());
    }
    List<String> args = new ArrayList<>(List.of(script.toString(), workdir.toString()));
    schemas.forEach(s -> args.add(s.toString()));
    PyChecks.Run run = PyChecks.run("python", args);
    Map<String, JsonNode> out = new LinkedHashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : run.output().split("\n")) {
      if (line.startsWith("{")) {
        JsonNode n = json.readTree(line);
        out.put(n.path("file").asText(), n);
      }
    }
    assertEquals(schemas.size(), out.size(), "one result per schema:\n" + run.output());
    boolean allOk = out.values().stream().allMatch(n -> n.path("ok").asBoolean());
    assertEquals(allOk ? 0 : 1, run.exitCode(), run.output());
    return out;
  }

  private static void assertAllRoundTrip(Map<String, JsonNode> results) {
    for (JsonNode n : results.values()) {
      assertTrue(n.path("ok").asBoolean(), n.path("file") + ": " + n.path("trace").asText());
      assertEquals(2, n.path("rows").asInt(), n.toString());
    }
  }

  private static List<Path> schemas(Path folder) throws Exception {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.toString().endsWith(".avsc") || p.toString().endsWith(".parquet.txt"))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyExamplesAvroAndParquetSchemaIsWrittenAndReadBackByThePythonWriters(@TempDir Path dir)
      throws Exception {
    List<Path> all = new ArrayList<>();
    for (Path example : Examples.blueprintExamples()) {
      all.addAll(schemas(example.resolve("generated/storage/schemas")));
    }
    assertTrue(all.stream().anyMatch(p -> p.toString().endsWith(".avsc")), all.toString());
    assertTrue(all.stream().anyMatch(p -> p.toString().endsWith(".parquet.txt")), all.toString());
    assertAllRoundTrip(roundTrip(all, dir));
  }

  @Test
  void everyFieldTypeNullableOrNotRoundTripsInAvroAndParquet(@TempDir Path dir) throws Exception {
    StringBuilder fields = new StringBuilder();
    for (FieldType t : FieldType.values()) {
      String n = t.name().toLowerCase(Locale.ROOT);
      fields.append("        - {name: ").append(n).append("_set, type: ").append(n);
      fields.append(", nullable: false}\n");
      fields.append("        - {name: ").append(n).append("_opt, type: ").append(n).append("}\n");
    }
    StringBuilder datasets = new StringBuilder("  datasets:\n");
    for (String format : List.of("avro", "parquet")) {
      datasets
          .append("    - name: every_type_")
          .append(format)
          .append("\n      description: One field of every type.\n")
          .append("      store: object-storage\n      format: ")
          .append(format)
          .append("\n      fields:\n")
          .append(fields);
    }
    String yaml;
    try (InputStream in = getClass().getResourceAsStream("/aws/event-bus.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int start = yaml.indexOf("  datasets:\n");
    int end = yaml.indexOf("  streams:\n");
    yaml = yaml.substring(0, start) + datasets + yaml.substring(end);
    var b =
        dev.blueprint.core.validate.Validator.loadValid(
                "every-type.yaml", yaml.getBytes(StandardCharsets.UTF_8))
            .blueprint();
    Path repo = dir.resolve("repo");
    Generator.standard().generate(b, repo, GeneratorOptions.defaults("test"));
    List<Path> files = schemas(repo.resolve("storage/schemas"));
    assertEquals(
        List.of("every_type_avro.avsc", "every_type_parquet.parquet.txt"),
        files.stream().map(p -> p.getFileName().toString()).toList());
    Path work = Files.createDirectories(dir.resolve("work"));
    assertAllRoundTrip(roundTrip(files, work));
  }

  @Test
  void aSchemaThatNoWriterFollowsFailsTheCheckNamingIt(@TempDir Path dir) throws Exception {
    Path uuidAsText = dir.resolve("bad_uuid.parquet.txt");
    Files.writeString(uuidAsText, "message bad_uuid {\n  required binary id (UUID);\n}\n");
    Path nested = dir.resolve("bad_group.parquet.txt");
    Files.writeString(
        nested, "message bad_group {\n  required group g {\n    required int32 x;\n  }\n}\n");
    Path badAvro = dir.resolve("bad.avsc");
    Files.writeString(
        badAvro,
        "{\"type\": \"record\", \"name\": \"bad\", \"fields\": [{\"name\": \"x\", \"type\":"
            + " \"strnig\"}]}");
    Path work = Files.createDirectories(dir.resolve("work"));
    Map<String, JsonNode> r = roundTrip(List.of(uuidAsText, nested, badAvro), work);
    assertFalse(r.get(uuidAsText.toString()).path("ok").asBoolean());
    assertTrue(
        r.get(uuidAsText.toString()).path("error").asText().contains("binary UUID"), r.toString());
    assertTrue(
        r.get(nested.toString()).path("error").asText().contains("required group g"), r.toString());
    assertTrue(r.get(badAvro.toString()).path("error").asText().contains("strnig"), r.toString());
  }
}
