package dev.blueprint.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code blueprint generate} end to end through the real command line. */
class GenerateCommandTest {

  record Result(int exit, String out, String err) {}

  static Path example(String file) {
    String root = System.getProperty("blueprint.root", "..");
    Path p = Path.of(root).resolve("examples/clickstream-analytics").resolve(file);
    return Files.exists(p)
        ? p
        : Path.of("..").resolve("examples/clickstream-analytics").resolve(file);
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void generatesTheExampleAndReportsProgress(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("repo");
    Result r = run("generate", example("blueprint.yaml").toString(), "-o", target.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("airflow-dags: 2 files"), r.err());
    assertTrue(r.out().startsWith("generated "), r.out());
    assertTrue(Files.isRegularFile(target.resolve("dags/page_views_to_lake.py")));
    assertTrue(Files.isRegularFile(target.resolve(".blueprint/generator.json")));
    assertTrue(
        Files.readString(target.resolve("dags/page_views_to_lake.py"))
            .contains("from airflow.sdk import"));
  }

  @Test
  void dryRunAndDiffWriteNothing(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("repo");
    Result dry =
        run("generate", example("blueprint.yaml").toString(), "-o", target.toString(), "--dry-run");
    assertEquals(0, dry.exit(), dry.err());
    assertTrue(dry.out().contains("add     dags/page_views_to_lake.py"), dry.out());
    assertFalse(Files.exists(target));
    assertEquals(
        0, run("generate", example("blueprint.yaml").toString(), "-o", target.toString()).exit());
    Result diff =
        run(
            "generate",
            example("blueprint.yaml").toString(),
            "-o",
            target.toString(),
            "--diff",
            "--airflow",
            "2",
            "--strimzi-api",
            "v1beta2");
    assertEquals(0, diff.exit(), diff.err());
    assertTrue(diff.out().contains("-from airflow.sdk import DAG, Asset"), diff.out());
    assertTrue(diff.out().contains("+from airflow import DAG"), diff.out());
    assertTrue(diff.out().contains("+apiVersion: kafka.strimzi.io/v1beta2"), diff.out());
    assertTrue(
        Files.readString(target.resolve("dags/page_views_to_lake.py")).contains("airflow.sdk"));
  }

  @Test
  void aRequirementsDocumentIsRefusedWithAClearMessage(@TempDir Path dir) {
    Result r =
        run("generate", example("requirements.yaml").toString(), "-o", dir.resolve("x").toString());
    assertEquals(Cli.FAILED, r.exit());
    assertTrue(r.err().contains("is a requirements document"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertFalse(Files.exists(dir.resolve("x")));
  }

  @Test
  void wrongOptionsAreUsageErrors(@TempDir Path dir) {
    String bp = example("blueprint.yaml").toString();
    assertEquals(Cli.USAGE, run("generate", bp, "-o", dir.toString(), "--airflow", "4").exit());
    assertEquals(
        Cli.USAGE, run("generate", bp, "-o", dir.toString(), "--strimzi-api", "v2").exit());
    assertEquals(Cli.USAGE, run("generate", bp).exit());
    Result r =
        run("generate", bp, "-o", dir.resolve("y").toString(), "--templates", "/no/such/dir");
    assertEquals(Cli.USAGE, r.exit());
    assertTrue(r.err().contains("--templates"), r.err());
  }

  @Test
  void aBrokenOverrideTemplateNamesTemplateLineAndElementAndLeavesNothing(@TempDir Path dir)
      throws Exception {
    Path templates = dir.resolve("templates");
    Files.createDirectories(templates.resolve("airflow"));
    Files.writeString(templates.resolve("airflow/dag.py.ftl"), "# dag\n\n${dag.nope}\n");
    Path target = dir.resolve("repo");
    Result r =
        run(
            "generate",
            example("blueprint.yaml").toString(),
            "-o",
            target.toString(),
            "--templates",
            templates.toString());
    assertEquals(Cli.FAILED, r.exit());
    assertTrue(r.err().contains("airflow/dag.py.ftl:3"), r.err());
    assertTrue(r.err().contains("pipeline page_views_to_lake"), r.err());
    assertTrue(r.err().contains("dag.nope"), r.err());
    assertFalse(Files.exists(target));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(1, s.count(), "a staging folder was left beside the target");
    }
  }

  @Test
  void aFolderThatIsNotAGeneratedRepositoryIsRefused(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("mine.txt"), "x");
    Result r = run("generate", example("blueprint.yaml").toString(), "-o", dir.toString());
    assertEquals(Cli.FAILED, r.exit());
    assertTrue(r.err().contains("was not generated by blueprint"), r.err());
    assertEquals("x", Files.readString(dir.resolve("mine.txt")));
  }

  /** Every file under {@code root} with its bytes, by relative path. */
  static java.util.Map<String, String> snapshot(Path root) throws Exception {
    java.util.Map<String, String> files = new java.util.TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        files.put(
            root.relativize(f).toString(),
            java.util.HexFormat.of()
                .formatHex(
                    java.security.MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(f))));
      }
    }
    return files;
  }

  /** What the command printed before validation and rendering overlapped: the problems only. */
  static String errorsAsValidatedFirst(Path file) {
    try {
      dev.blueprint.core.validate.Validator.loadValid(file);
      throw new AssertionError(file + " is valid");
    } catch (dev.blueprint.core.problem.ProblemException e) {
      StringWriter expected = new StringWriter();
      PrintWriter w = new PrintWriter(expected, true);
      e.problems().forEach(p -> w.println(p.format()));
      return expected.toString();
    }
  }

  @Test
  void anInvalidBlueprintPrintsItsErrorsOnlyAndLeavesTheEarlierGenerationAsItWas(@TempDir Path dir)
      throws Exception {
    Path target = dir.resolve("repo");
    assertEquals(
        0, run("generate", example("blueprint.yaml").toString(), "-o", target.toString()).exit());
    java.util.Map<String, String> before = snapshot(target);
    // valid YAML of the right shape, so the model loads and renders; the validator refuses it
    String text = Files.readString(example("blueprint.yaml"));
    assertTrue(text.contains("inputs: [page_views_raw]"));
    Path invalid = dir.resolve("invalid.yaml");
    Files.writeString(
        invalid, text.replace("inputs: [page_views_raw]", "inputs: [no_such_dataset]"));
    String expected = errorsAsValidatedFirst(invalid);
    assertTrue(expected.contains("no_such_dataset"), expected);

    Result r = run("generate", invalid.toString(), "-o", target.toString());
    assertEquals(Cli.FAILED, r.exit());
    assertEquals(expected, r.err(), "the errors only, as when validation ran before rendering");
    assertEquals("", r.out());
    assertEquals(before, snapshot(target));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(2, s.count(), "a staging folder was left beside the target");
    }
  }

  @Test
  void aLargeInvalidBlueprintFailsTheSameWhileItsFilesRender(@TempDir Path dir) throws Exception {
    // large enough that rendering is under way while the validator runs; its last pipeline names
    // a dataset that does not exist
    String text =
        dev.blueprint.core.load.BlueprintMapper.yaml()
            .writeValueAsString(dev.blueprint.core.synth.SyntheticBlueprints.make(400, 3));
    int item = text.indexOf("- ", text.lastIndexOf("inputs:")) + 2;
    int end = text.indexOf('\n', item);
    String broken = text.substring(0, item) + "no_such_dataset" + text.substring(end);
    Path invalid = dir.resolve("large.yaml");
    Files.writeString(invalid, broken);
    String expected = errorsAsValidatedFirst(invalid);
    assertTrue(expected.contains("no_such_dataset"), expected);
    Path target = dir.resolve("new");
    Result r = run("generate", invalid.toString(), "-o", target.toString());
    assertEquals(Cli.FAILED, r.exit());
    assertEquals(expected, r.err());
    assertFalse(Files.exists(target));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(1, s.count(), "a staging folder was left beside the target");
    }
  }
}
