package dev.blueprint.cli.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.cli.Cli;
import dev.blueprint.core.load.BlueprintMapper;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.validate.Validator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code blueprint synth}: the benchmark's workload maker, through the real command line. */
class SynthCommandTest {

  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.create(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void writesAValidBlueprintThatValidateAccepts() throws Exception {
    Path file = dir.resolve("sub/synthetic-10.yaml");
    Run synth = run("synth", "--pipelines", "10", "-o", file.toString());
    assertEquals(0, synth.exit(), synth.err());
    assertTrue(synth.out().contains("10 pipelines, 20 streams, 20 datasets"), synth.out());
    assertEquals(10, Validator.loadValid(file).blueprint().architecture().pipelines().size());

    Run validate = run("validate", file.toString());
    assertEquals(0, validate.exit(), validate.err());
  }

  @Test
  void sameSeedSameBytesAndJsonIsTheSameModel() throws Exception {
    Path a = dir.resolve("a.yaml");
    Path b = dir.resolve("b.yaml");
    Path json = dir.resolve("a.json");
    assertEquals(0, run("synth", "--pipelines", "25", "--seed", "7", "-o", a.toString()).exit());
    assertEquals(0, run("synth", "--pipelines", "25", "--seed", "7", "-o", b.toString()).exit());
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    assertEquals(
        0,
        run("synth", "--pipelines", "25", "--seed", "7", "--format", "json", "-o", json.toString())
            .exit());
    Blueprint fromJson = BlueprintMapper.json().readValue(json.toFile(), Blueprint.class);
    assertEquals(Validator.loadValid(a).blueprint(), fromJson);
  }

  @Test
  void refusesABadSizeOrFormatAsAUsageError() {
    Run zero = run("synth", "--pipelines", "0", "-o", dir.resolve("x.yaml").toString());
    assertEquals(Cli.USAGE, zero.exit());
    assertTrue(zero.err().contains("between 1 and"), zero.err());
    Run format =
        run("synth", "--pipelines", "1", "--format", "xml", "-o", dir.resolve("x.xml").toString());
    assertEquals(Cli.USAGE, format.exit());
    assertFalse(Files.exists(dir.resolve("x.xml")));
  }

  @Test
  void isHiddenFromTheCommandList() {
    Run help = run("--help");
    assertFalse(help.out().contains("synth"), help.out());
  }
}
