package dev.blueprint.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.Location;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.synth.SyntheticBlueprints;
import dev.blueprint.core.testing.Examples;
import dev.blueprint.core.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files render and write on several threads: the output, the progress, the errors and the atomicity
 * must be those of rendering on one thread, in order.
 */
class ParallelGenerationTest {

  private static final GeneratorOptions OPTIONS = GeneratorOptions.defaults("test");

  /** Every file's permissions (executable or not) as relative path to "x" or "-". */
  private static Map<String, String> executableBits(Path root) throws IOException {
    Map<String, String> bits = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        bits.put(root.relativize(p).toString(), Files.isExecutable(p) ? "x" : "-");
      }
    }
    return bits;
  }

  private static List<String> progressOf(Generator g, Blueprint b, Path target) throws Exception {
    List<String> lines = new ArrayList<>();
    g.generate(b, target, OPTIONS, (name, files) -> lines.add(name + ": " + files));
    return lines;
  }

  @Test
  void oneThreadAndFourThreadsWriteTheSameFilesAndReportTheSameProgress(@TempDir Path dir)
      throws Exception {
    for (Blueprint b : List.of(Examples.clickstream(), SyntheticBlueprints.make(60, 7))) {
      Path one = dir.resolve("one-" + b.engagement().id());
      Path four = dir.resolve("four-" + b.engagement().id());
      List<String> progressOne = progressOf(new Generator(Contributors.standard(), 1), b, one);
      List<String> progressFour = progressOf(new Generator(Contributors.standard(), 4), b, four);
      Map<String, String> expected = Trees.read(one);
      assertTrue(expected.size() > 20, "too few files to say much: " + expected.size());
      assertNull(Trees.firstDifference(expected, Trees.read(four)));
      assertEquals(executableBits(one), executableBits(four));
      assertEquals(progressOne, progressFour);
    }
  }

  /** Writes {@code files} files; those whose number is in {@code failing} fail as they render. */
  private static Contributor writer(int files, List<Integer> failing, List<String> rendered) {
    return new Contributor() {
      @Override
      public String name() {
        return "many";
      }

      @Override
      public void contribute(GenerationContext c) throws IOException, ProblemException {
        for (int i = 0; i < files; i++) {
          int n = i;
          String path = "many/file-" + n + ".txt";
          c.out()
              .write(
                  path,
                  () -> {
                    if (failing.contains(n)) {
                      throw new ProblemException(
                          Problem.error(
                              "BP-GEN-001", Location.ofFile("file " + n), "", "broken " + n));
                    }
                    synchronized (rendered) {
                      rendered.add(path);
                    }
                    return "file " + n + "\n";
                  });
          if (n % 10 == 0) {
            c.out().makeExecutable(path);
          }
        }
      }
    };
  }

  @Test
  void aFileFailingInTheMiddleLeavesTheEarlierGenerationAsItWasAndIsTheOneReported(
      @TempDir Path dir) throws Exception {
    Path target = dir.resolve("repo");
    Blueprint b = Examples.clickstream();
    new Generator(Contributors.standard(), 4).generate(b, target, OPTIONS);
    Map<String, String> before = Trees.read(target);

    List<Contributor> broken = new ArrayList<>(Contributors.standard());
    List<String> rendered = new ArrayList<>();
    broken.add(1, writer(2_000, List.of(700, 701, 1_500), rendered));
    ProblemException e =
        assertThrows(
            ProblemException.class, () -> new Generator(broken, 4).generate(b, target, OPTIONS));
    assertEquals("broken 700", e.problems().get(0).message(), "the first failing file, in order");
    assertEquals(before, Trees.read(target));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of("repo"), s.map(p -> p.getFileName().toString()).toList());
    }
    assertTrue(rendered.size() <= 2_000 - 3, "failing files are not written");
  }

  @Test
  void aContributorFailingAfterQueuedFilesReportsAnEarlierFailingFileFirst(@TempDir Path dir)
      throws Exception {
    Contributor thenThrows =
        new Contributor() {
          @Override
          public String name() {
            return "throws";
          }

          @Override
          public void contribute(GenerationContext c) throws IOException {
            throw new IOException("disk full");
          }
        };
    List<String> rendered = new ArrayList<>();
    Path target = dir.resolve("repo");
    // file 3 fails on a render thread; the next contributor then fails on the calling thread,
    // which may notice first: the failure reported is the earlier one in order
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () ->
                new Generator(List.of(writer(5, List.of(3), rendered), thenThrows), 2)
                    .generate(Examples.clickstream(), target, OPTIONS));
    assertEquals("broken 3", e.problems().get(0).message());
    assertEquals(false, Files.exists(target));

    IOException io =
        assertThrows(
            IOException.class,
            () ->
                new Generator(List.of(writer(5, List.of(), rendered), thenThrows), 2)
                    .generate(Examples.clickstream(), target, OPTIONS));
    assertEquals("disk full", io.getMessage());
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(0, s.count(), "a staging folder was left");
    }
  }

  @Test
  void filesMadeExecutableWhileQueuedAreExecutableOnceWritten(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("repo");
    new Generator(List.of(writer(300, List.of(), new ArrayList<>())), 3)
        .generate(Examples.clickstream(), target, OPTIONS);
    for (int i = 0; i < 300; i++) {
      Path p = target.resolve("many/file-" + i + ".txt");
      assertEquals("file " + i + "\n", Files.readString(p));
      assertEquals(i % 10 == 0, Files.isExecutable(p), p.toString());
    }
  }

  @Test
  void threadsComeFromThePropertyElseTheProcessors() {
    String old = System.getProperty(Generator.THREADS_PROPERTY);
    try {
      System.setProperty(Generator.THREADS_PROPERTY, "3");
      assertEquals(3, Generator.defaultThreads());
      System.setProperty(Generator.THREADS_PROPERTY, "many");
      assertThrows(IllegalArgumentException.class, Generator::defaultThreads);
      System.clearProperty(Generator.THREADS_PROPERTY);
      assertEquals(Runtime.getRuntime().availableProcessors(), Generator.defaultThreads());
    } finally {
      if (old == null) {
        System.clearProperty(Generator.THREADS_PROPERTY);
      } else {
        System.setProperty(Generator.THREADS_PROPERTY, old);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> new Generator(List.of(), 0));
  }
}
