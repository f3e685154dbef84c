package dev.blueprint.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.blueprint.core.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed schema/blueprint.schema.json is what the model generates, and a real JSON Schema
 * validator (networknt, draft 2020-12) accepts every example with it and refuses broken ones.
 */
class SchemaTest {
  private static final Path COMMITTED = TestFiles.root().resolve("schema/blueprint.schema.json");
  private static final YAMLMapper PLAIN_YAML = new YAMLMapper();

  @Test
  void theCommittedSchemaIsUpToDate() throws Exception {
    String generated = SchemaGenerator.schemaText();
    if (Boolean.getBoolean("blueprint.golden.update")) {
      Files.createDirectories(COMMITTED.getParent());
      Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
    }
    assertTrue(
        Files.exists(COMMITTED),
        "schema/blueprint.schema.json is missing; run 'make golden' (or mvn verify"
            + " -Dblueprint.golden.update=true) and commit it");
    assertEquals(
        Files.readString(COMMITTED, StandardCharsets.UTF_8),
        generated,
        "schema/blueprint.schema.json is out of date with the model; run 'make golden' (or mvn"
            + " verify -Dblueprint.golden.update=true) and commit it");
  }

  static Schema schema() {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(SchemaGenerator.schema());
  }

  static Stream<Path> examples() {
    return TestFiles.exampleFiles();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyExampleConformsToTheSchema(Path file) throws Exception {
    List<Error> errors = schema().validate(PLAIN_YAML.readTree(file.toFile()));
    assertEquals(List.of(), errors.stream().map(Error::toString).toList());
  }

  @Test
  void theSchemaRefusesWhatTheLoaderRefuses() throws Exception {
    ObjectNode doc =
        (ObjectNode)
            PLAIN_YAML.readTree(TestFiles.resource("valid/minimal-blueprint.yaml").toFile());
    assertEquals(List.of(), schema().validate(doc));
    ObjectNode unknownKey = doc.deepCopy();
    ((ObjectNode) unknownKey.get("engagement")).put("titel", "x");
    assertFalse(schema().validate(unknownKey).isEmpty(), "unknown key");
    ObjectNode badEnum = doc.deepCopy();
    ((ObjectNode) badEnum.get("engagement")).put("kind", "build_new");
    assertFalse(schema().validate(badEnum).isEmpty(), "enum");
    ObjectNode badDuration = doc.deepCopy();
    ((ObjectNode) badDuration.withArray("consumers").get(0)).put("maxOutage", "three days");
    assertFalse(schema().validate(badDuration).isEmpty(), "duration");
    ObjectNode missing = doc.deepCopy();
    ((ObjectNode) missing.get("engagement")).remove("id");
    assertFalse(schema().validate(missing).isEmpty(), "required id");
  }

  @Test
  void theSchemaDescribesTheModel() {
    JsonNode s = SchemaGenerator.schema();
    assertEquals(SchemaGenerator.DRAFT, s.get("$schema").asText());
    assertFalse(s.get("additionalProperties").asBoolean());
    JsonNode kind = s.at("/$defs/Engagement/properties/kind");
    assertEquals("build-new", kind.get("enum").get(0).asText());
    assertTrue(kind.get("description").asText().contains("improve-existing"));
    assertEquals(
        "#/$defs/Stream", s.at("/$defs/Architecture/properties/streams/items/$ref").asText());
  }

  @Test
  void theDurationPatternMatchesWhatTheLoaderReads() {
    Pattern p = Pattern.compile(SchemaGenerator.DURATION_PATTERN);
    for (String ok : List.of("30m", "12h", "7d", "2w", "500ms", "45s", "PT5M", "P7D", "7 d")) {
      assertTrue(p.matcher(ok).find(), ok);
      dev.blueprint.core.model.Durations.parse(ok);
    }
    for (String bad : List.of("3", "three days", "7y", "")) {
      assertFalse(p.matcher(bad).find(), bad);
    }
  }
}
