package dev.blueprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.core.schema.SchemaGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as a user meets it: exit codes, messages without stack traces, JSON. */
class ValidateCommandTest {

  record Run(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static Path root() {
    String r = System.getProperty("blueprint.root");
    return (r == null || r.isBlank() ? Path.of("..") : Path.of(r)).toAbsolutePath().normalize();
  }

  static Stream<Path> badInputs() throws IOException {
    try (Stream<Path> s = Files.list(root().resolve("core/src/test/resources/bad"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  static List<String> examples() throws IOException {
    try (Stream<Path> s = Files.walk(root().resolve("examples"), 2)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).map(Path::toString).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void everyBadInputExitsOneWithAParagraphAndNoStackTrace(Path file) {
    Run r = run("validate", file.toString());
    assertEquals(Cli.FAILED, r.exit(), r.all());
    assertFalse(r.err().isBlank(), "a message on stderr");
    assertFalse(r.all().contains("at dev."), r.all());
    assertFalse(r.all().contains("Exception"), r.all());
    assertFalse(r.all().contains("\tat "), r.all());
    // one paragraph: no blank lines, every line names the file
    for (String line : r.err().strip().split("\n")) {
      assertTrue(line.startsWith(file.toString()), "line does not name the file: " + line);
    }
    assertTrue(r.err().strip().endsWith(")"), "ends with the summary: " + r.err());
    assertTrue(r.err().contains(": error BP-"), r.err());
  }

  @Test
  void theExamplesAreValid() throws IOException {
    List<String> args = new ArrayList<>(List.of("validate"));
    args.addAll(examples());
    Run r = run(args.toArray(String[]::new));
    assertEquals(Cli.OK, r.exit(), r.all());
    assertEquals("", r.err());
    assertEquals(examples().size(), r.out().lines().filter(l -> l.endsWith(": valid")).count());
  }

  @Test
  void oneInvalidFileAmongValidOnesMakesTheRunFail() throws IOException {
    Path bad = badInputs().findFirst().orElseThrow();
    Run r = run("validate", examples().get(0), bad.toString());
    assertEquals(Cli.FAILED, r.exit());
    assertTrue(r.out().contains(": valid"));
  }

  @Test
  void jsonOutputIsMachineReadable() throws Exception {
    Path bad = root().resolve("core/src/test/resources/bad/ref-consumer-reads.yaml");
    Run r = run("validate", "--format", "json", examples().get(0), bad.toString());
    assertEquals(Cli.FAILED, r.exit());
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertEquals(2, report.size());
    assertTrue(report.get(0).get("valid").asBoolean());
    assertEquals(0, report.get(0).get("problems").size());
    JsonNode second = report.get(1);
    assertFalse(second.get("valid").asBoolean());
    JsonNode p = second.get("problems").get(0);
    assertEquals("BP-REF-001", p.get("ruleId").asText());
    assertEquals("error", p.get("severity").asText());
    assertEquals(bad.toString(), p.get("file").asText());
    assertEquals(32, p.get("line").asInt());
    assertEquals(13, p.get("column").asInt());
    assertEquals("consumers[0].reads[0]", p.get("path").asText());
    assertTrue(p.get("message").asText().contains("events_cleaned"));
    assertEquals("did you mean 'events_clean'?", p.get("hint").asText());
  }

  @Test
  void aMissingFileIsAnInvalidInputNotACrash() {
    Run r = run("validate", "no/such/file.yaml");
    assertEquals(Cli.FAILED, r.exit());
    assertTrue(r.err().contains("BP-FILE-001"), r.err());
    assertFalse(r.all().contains("Exception"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "validate",
        "validate --format xml examples/x.yaml",
        "validate --frmat json examples/x.yaml",
        "valdate examples/x.yaml",
        "--no-such-option"
      })
  void usageErrorsExitTwo(String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");
    Run r = run(args);
    assertEquals(Cli.USAGE, r.exit(), r.all());
    assertTrue(r.err().contains("blueprint"), r.err());
    assertFalse(r.all().contains("Exception"), r.all());
  }

  @Test
  void helpAndVersion() {
    Run help = run("--help");
    assertEquals(Cli.OK, help.exit());
    assertTrue(help.out().contains("validate"));
    assertTrue(help.out().contains("schema"));
    Run version = run("--version");
    assertEquals(Cli.OK, version.exit());
    assertTrue(version.out().startsWith("blueprint "), version.out());
    assertEquals(Cli.OK, run("validate", "--help").exit());
  }

  @Test
  void schemaPrintsTheGeneratedSchema() throws Exception {
    Run r = run("schema");
    assertEquals(Cli.OK, r.exit());
    assertEquals(SchemaGenerator.schemaText(), r.out());
    JsonNode s = new ObjectMapper().readTree(r.out());
    assertEquals("https://json-schema.org/draft/2020-12/schema", s.get("$schema").asText());
    assertEquals(
        Files.readString(root().resolve("schema/blueprint.schema.json")),
        r.out(),
        "the committed schema matches the command's output");
  }
}
