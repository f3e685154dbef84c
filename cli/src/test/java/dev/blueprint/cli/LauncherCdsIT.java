package dev.blueprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/blueprint with the class data sharing archive that cli/cds-archive.sh makes: a command run
 * with the archive prints the same as without it, and a missing, stale or foreign archive changes
 * nothing a user sees (no line on stderr). Runs after {@code package} (failsafe) on a copy of the
 * launcher and the shaded jar in a temporary folder, whose archive it makes with the build's own
 * script; the JVM's class-loading log says where each class came from. Also the launcher's JIT
 * defaults: C1 only for short commands, C2 kept for the long-running ones, and transparent huge
 * pages where the kernel gives them on request.
 */
class LauncherCdsIT {

  private static final Path ROOT =
      Path.of(System.getProperty("blueprint.root", "..")).toAbsolutePath();
  private static final Path EXAMPLE = ROOT.resolve("examples/clickstream-analytics");

  @TempDir static Path copy;
  static Path launcher;
  static Path jar;
  static Path jsa;

  /**
   * {@code shared}: the CLI's main class came from an archive; {@code jdkShared}: the JDK's own
   * classes did (the JVM's default archive, or ours, which holds them too).
   */
  record Run(int exit, String out, String err, boolean shared, boolean jdkShared) {}

  @BeforeAll
  static void copyTheLauncherAndMakeItsArchive() throws Exception {
    Files.createDirectories(copy.resolve("bin"));
    Files.createDirectories(copy.resolve("cli/target"));
    launcher = copy.resolve("bin/blueprint");
    jar = copy.resolve("cli/target/blueprint.jar");
    jsa = copy.resolve("cli/target/blueprint.jsa");
    Files.copy(ROOT.resolve("bin/blueprint"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(ROOT.resolve("cli/target/blueprint.jar"), jar, StandardCopyOption.COPY_ATTRIBUTES);
    Process p =
        new ProcessBuilder(
                "bash",
                ROOT.resolve("cli/cds-archive.sh").toString(),
                copy.resolve("cli/target").toString(),
                EXAMPLE.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), log);
    assertFalse(log.contains("WARNING"), log);
    assertTrue(Files.isRegularFile(jsa), log);
    assertTrue(Files.isRegularFile(copy.resolve("cli/target/blueprint.jsa.id")), log);
    assertFalse(Files.exists(copy.resolve("cli/target/cds-training")), "training output removed");
  }

  /** Runs the copied launcher. */
  static Run run(Map<String, String> env, String... args) throws Exception {
    Path classes = Files.createTempFile(copy, "classes", ".log");
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
    pb.environment().remove("BLUEPRINT_JVM_DEFAULTS");
    pb.environment().remove("JAVA");
    pb.environment().put("BLUEPRINT_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);
    pb.environment().putAll(env);
    Path out = Files.createTempFile(copy, "out", ".txt");
    Path err = Files.createTempFile(copy, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "blueprint " + String.join(" ", args));
    List<String> loaded = Files.readAllLines(classes);
    return new Run(
        p.exitValue(),
        Files.readString(out),
        Files.readString(err),
        loaded.stream().anyMatch(l -> l.contains(" dev.blueprint.cli.Main source: shared objects")),
        loaded.stream().anyMatch(l -> l.contains(" java.lang.Object source: shared objects")));
  }

  static final String[] VALIDATE = {
    "validate",
    "examples/clickstream-analytics/requirements.yaml",
    "examples/clickstream-analytics/blueprint.yaml"
  };
  static final String[] REVIEW = {"review", "examples/clickstream-analytics/blueprint.yaml"};

  static void assertSameAsWith(Run expected, Run actual) {
    assertEquals(expected.exit(), actual.exit());
    assertEquals(expected.out(), actual.out());
    assertEquals("", actual.err(), "nothing on stderr");
  }

  @Test
  void commandsRunWithTheArchiveAndPrintWhatTheyPrintWithout() throws Exception {
    Run with = run(Map.of(), VALIDATE);
    assertTrue(with.shared(), "the CLI's classes came from the archive");
    assertEquals(0, with.exit(), with.err());
    assertEquals("", with.err());
    Run review = run(Map.of(), REVIEW);
    assertTrue(review.shared());
    Run parallel = run(Map.of("BLUEPRINT_JVM_DEFAULTS", "-XX:+UseParallelGC"), VALIDATE);
    assertTrue(parallel.shared(), "the archive serves with the parallel collector too");
    assertSameAsWith(with, parallel);
    Run g1 = run(Map.of("BLUEPRINT_JVM_DEFAULTS", ""), VALIDATE);
    assertTrue(g1.shared(), "and with the JVM's default collector");
    assertSameAsWith(with, g1);

    Path aside = copy.resolve("aside.jsa");
    Files.move(jsa, aside);
    try {
      Run without = run(Map.of(), VALIDATE);
      assertFalse(without.shared());
      assertTrue(without.jdkShared());
      assertSameAsWith(with, without);
      assertSameAsWith(review, run(Map.of(), REVIEW));
    } finally {
      Files.move(aside, jsa);
    }
  }

  @Test
  void aStaleArchiveIsLeftAsideSilently() throws Exception {
    Run expected = run(Map.of(), VALIDATE);
    assertTrue(expected.shared());
    FileTime built = Files.getLastModifiedTime(jar);
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    try {
      Run stale = run(Map.of(), VALIDATE);
      assertFalse(stale.shared(), "a jar newer than the archive runs without it");
      assertTrue(stale.jdkShared(), "but with the JVM's own archive");
      assertSameAsWith(expected, stale);
      // the JVM itself, handed the stale archive, refuses it without a word (its warnings would go
      // to stdout, which must not change either)
      Run forced =
          run(Map.of("BLUEPRINT_JAVA_OPTS", "-Xshare:auto -XX:SharedArchiveFile=" + jsa), VALIDATE);
      assertSameAsWith(expected, forced);
    } finally {
      Files.setLastModifiedTime(jar, built);
    }
  }

  @Test
  void anArchiveOfAnotherJvmIsLeftAsideSilently() throws Exception {
    Run expected = run(Map.of(), VALIDATE);
    assertTrue(expected.shared());
    Path id = copy.resolve("cli/target/blueprint.jsa.id");
    String made = Files.readString(id);
    Files.writeString(id, made.replace("JAVA_RUNTIME_VERSION=\"", "JAVA_RUNTIME_VERSION=\"0"));
    try {
      Run foreign = run(Map.of(), VALIDATE);
      assertFalse(foreign.shared(), "an archive made by another JVM is not handed to this one");
      assertTrue(foreign.jdkShared(), "which keeps its own archive");
      assertSameAsWith(expected, foreign);
    } finally {
      Files.writeString(id, made);
    }
  }

  @Test
  void shortCommandsRunWithC1OnlyAndTheLongRunningOnesKeepC2() throws Exception {
    assertEquals("1", jvmFlag("TieredStopAtLevel", "--version"));
    assertEquals("1", jvmFlag("TieredStopAtLevel", VALIDATE));
    for (String longRunning : List.of("worker", "up", "dev-server")) {
      assertEquals("4", jvmFlag("TieredStopAtLevel", longRunning, "--help"), longRunning);
    }
  }

  @Test
  void everyCommandAsksForHugePagesExactlyWhenTheKernelGivesThemOnRequest() throws Exception {
    Path mode = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    boolean onRequest = Files.isReadable(mode) && Files.readString(mode).contains("[madvise]");
    for (String[] args :
        List.of(new String[] {"--version"}, VALIDATE, new String[] {"up", "--help"})) {
      assertEquals(
          String.valueOf(onRequest),
          jvmFlag("UseTransparentHugePages", args),
          String.join(" ", args) + " with " + mode + " saying " + (onRequest ? "madvise" : "not"));
    }
    // and the JVM says nothing about them: the same output as without
    Run with = run(Map.of(), VALIDATE);
    Run without = run(Map.of("BLUEPRINT_JVM_DEFAULTS", "-XX:+UseSerialGC"), VALIDATE);
    assertEquals(without.err(), with.err());
    assertEquals(without.out(), with.out());
  }

  /** A JVM flag's final value in the JVM that bin/blueprint starts for these arguments. */
  private static String jvmFlag(String name, String... args) throws Exception {
    Run r = run(Map.of("BLUEPRINT_JAVA_OPTS", "-XX:+PrintFlagsFinal"), args);
    return r.out()
        .lines()
        .filter(l -> l.matches("\\s*\\w+ " + name + "\\s+=.*"))
        .map(l -> l.replaceAll(".*=\\s*(\\S+).*", "$1"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + r.out()));
  }

  @Test
  void aCorruptArchiveHandedToTheJvmIsRefusedSilently() throws Exception {
    Run expected = run(Map.of(), VALIDATE);
    Path junk = Files.writeString(copy.resolve("junk.jsa"), "not an archive");
    Run corrupt =
        run(Map.of("BLUEPRINT_JAVA_OPTS", "-Xshare:auto -XX:SharedArchiveFile=" + junk), VALIDATE);
    assertSameAsWith(expected, corrupt);
  }
}
