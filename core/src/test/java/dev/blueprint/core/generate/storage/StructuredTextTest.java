package dev.blueprint.core.generate.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.blueprint.core.generate.escape.HostileStrings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every string, as key and as value, reads back as the same string from YAML and JSON. */
class StructuredTextTest {
  static final List<String> YAML_SPECIALS =
      List.of(
          ":",
          "a: b",
          "- x",
          "? x",
          "!tag",
          "&anchor",
          "*alias",
          "%YAML",
          "@at",
          "`tick",
          "|",
          ">",
          "'",
          "\"",
          "#",
          " leading",
          "trailing ",
          "true",
          "False",
          "NO",
          "off",
          "y",
          "~",
          "null",
          "Null",
          ".NaN",
          "-.inf",
          "+.Inf",
          "<<",
          "=",
          "2026-01-31",
          "12:30:00",
          "0o17",
          "0b101",
          "+1",
          "-1",
          "1_000",
          "1.5e-3",
          ".5",
          "0x1F",
          "[a, b]",
          "{a: b}",
          "a,b",
          "--- doc",
          "...",
          "\ufeffbom");

  @Test
  void yamlAndJsonRoundTripEveryString() throws Exception {
    List<String> all = new ArrayList<>(YAML_SPECIALS);
    all.addAll(HostileStrings.all(300));
    Map<String, String> doc = new LinkedHashMap<>();
    int i = 0;
    for (String s : all) {
      doc.put("k" + i++, s);
      if (!s.isEmpty()) {
        doc.put(s, "key " + i);
      }
    }
    Map<String, String> fromYaml =
        new YAMLMapper().readValue(StructuredText.yaml(doc), new TypeReference<>() {});
    assertEquals(doc, fromYaml);
    Map<String, String> fromJson =
        JsonMapper.builder().build().readValue(StructuredText.json(doc), new TypeReference<>() {});
    assertEquals(doc, fromJson);
  }

  @Test
  void jsonToAWriterIsTheSameTextAndLeavesTheWriterOpen() throws Exception {
    List<Object> values = new ArrayList<>();
    for (String s : HostileStrings.all(300)) {
      values.add(Map.of("doc", s, "fields", List.of(s, Map.of(s.isEmpty() ? "e" : s, 1.5))));
    }
    for (java.nio.file.Path file : Generated.exampleBlueprints()) {
      var b = Generated.load(file);
      for (var d : b.architectureOrEmpty().datasets()) {
        values.add(AvroSchemas.of(d, "engagement"));
        values.add(JsonSchemas.of(d, "engagement"));
      }
    }
    for (Object value : values) {
      java.io.StringWriter out = new java.io.StringWriter();
      StructuredText.json(value, out);
      out.write("|open");
      assertEquals(StructuredText.json(value) + "|open", out.toString());
    }
  }
}
