package dev.blueprint.core.generate.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.testing.Examples;
import dev.blueprint.core.testing.PyChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cfn-lint (PyPI, pinned in the Makefile, installed by {@code make tools}) passes the generated
 * CloudFormation with no finding at all, informational ones included: the golden example's
 * templates, and those of a Kinesis-only blueprint and of an event bus without and with replay.
 */
class CfnLintTest {

  /** Lints the files, informational checks included; returns the findings, one per line. */
  static List<String> lint(List<Path> templates) throws Exception {
    assertFalse(templates.isEmpty(), "no templates to lint");
    List<String> args = new ArrayList<>(List.of("--include-checks", "I", "--format", "parseable"));
    templates.forEach(t -> args.add(t.toString()));
    PyChecks.Run run = PyChecks.run("cfn-lint", args);
    List<String> findings = run.output().lines().filter(l -> !l.isBlank()).toList();
    // exit 0 means no finding; 2, 4, 8 (and their sums) are errors, warnings, informational
    if (run.exitCode() == 0) {
      assertEquals(List.of(), findings, "cfn-lint exited 0 but printed");
    } else {
      assertFalse(findings.isEmpty(), "cfn-lint exited " + run.exitCode() + " without findings");
    }
    return findings;
  }

  private static List<Path> templates(Path repo) throws Exception {
    try (Stream<Path> s = Files.walk(repo.resolve("aws"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void theGoldenExamplesTemplatesLintClean() throws Exception {
    Path repo = Examples.root().resolve("examples/parcel-tracking/generated");
    List<Path> files = templates(repo);
    assertEquals(2, files.size(), "a Kinesis stream and an event bus: " + files);
    assertEquals(List.of(), lint(files));
  }

  @Test
  void kinesisOnlyAndEventBusWithAndWithoutReplayLintClean(@TempDir Path dir) throws Exception {
    List<Path> files = new ArrayList<>();
    for (String name : List.of("kinesis-only.yaml", "event-bus.yaml", "event-bus-replay.yaml")) {
      Path out = dir.resolve(name);
      CloudFormationTest.generate(name, out);
      files.addAll(templates(out.resolve("repo")));
    }
    assertEquals(4, files.size(), files.toString());
    assertTrue(
        Files.readString(files.get(3)).contains("AWS::Events::Archive"), "the replay one last");
    assertEquals(List.of(), lint(files));
  }

  @Test
  void cfnLintReallyChecksWhatItIsGiven(@TempDir Path dir) throws Exception {
    // a generated template with a retention Kinesis refuses and a misspelt action: the lint must
    // report both, or the clean results above would prove nothing
    CloudFormationTest.generate("kinesis-only.yaml", dir);
    Path t = dir.resolve("repo/aws/kinesis/shop-orders-orders-placed-v1.yaml");
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(
        broken,
        Files.readString(t)
            .replace("RetentionPeriodHours: 36", "RetentionPeriodHours: 9000")
            .replace("kinesis:PutRecords", "kinesis:PutRecordz"));
    List<String> findings = lint(List.of(broken));
    assertTrue(findings.stream().anyMatch(f -> f.contains(":E3034:")), findings.toString());
    assertTrue(findings.stream().anyMatch(f -> f.contains("putrecordz")), findings.toString());
  }
}
