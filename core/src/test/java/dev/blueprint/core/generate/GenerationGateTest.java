package dev.blueprint.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.Location;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.testing.Examples;
import dev.blueprint.core.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generation renders while its gate (the blueprint's validation) decides: the target is replaced
 * only when the gate opens, a gate that throws leaves it as it was, and the gate's exception comes
 * before any failure of the rendering.
 */
class GenerationGateTest {

  private static final GeneratorOptions OPTIONS = GeneratorOptions.defaults("test");

  private static final ProblemException REFUSED =
      new ProblemException(
          Problem.error("BP-REF-001", Location.ofFile("b.yaml"), "x", "refused by the gate"));

  /** A gate that throws {@link #REFUSED} once {@code release} is counted down. */
  private static Generator.Gate refusingAfter(CountDownLatch release, AtomicBoolean known) {
    return new Generator.Gate() {
      @Override
      public void await() throws ProblemException {
        try {
          release.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        throw REFUSED;
      }

      @Override
      public boolean closed() {
        return known.get();
      }
    };
  }

  private static void assertOnlyTarget(Path dir, List<String> expected) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(
          expected, s.map(p -> p.getFileName().toString()).sorted().toList(), "staging left");
    }
  }

  @Test
  void anOpenGateGeneratesWhatNoGateGenerates(@TempDir Path dir) throws Exception {
    Blueprint b = Examples.clickstream();
    List<Integer> awaited = new ArrayList<>();
    new Generator(Contributors.standard(), 2).generate(b, dir.resolve("plain"), OPTIONS);
    new Generator(Contributors.standard(), 2)
        .generate(b, dir.resolve("gated"), OPTIONS, Generator.Progress.NONE, () -> awaited.add(1));
    assertEquals(Trees.read(dir.resolve("plain")), Trees.read(dir.resolve("gated")));
    assertEquals(List.of(1), awaited, "the gate is awaited once, before the swap");
  }

  @Test
  void aGateThatThrowsAfterRenderingLeavesTheEarlierGenerationAsItWas(@TempDir Path dir)
      throws Exception {
    Path target = dir.resolve("repo");
    Blueprint b = Examples.clickstream();
    new Generator(Contributors.standard(), 2).generate(b, target, OPTIONS);
    Map<String, String> before = Trees.read(target);
    for (int threads : List.of(1, 2)) {
      CountDownLatch release = new CountDownLatch(1);
      List<String> progress = new ArrayList<>();
      Generator.Gate gate = refusingAfter(release, new AtomicBoolean());
      release.countDown();
      ProblemException e =
          assertThrows(
              ProblemException.class,
              () ->
                  new Generator(Contributors.standard(), threads)
                      .generate(b, target, OPTIONS, (name, files) -> progress.add(name), gate));
      assertSame(REFUSED, e);
      assertFalse(progress.isEmpty(), "it rendered everything before the gate refused");
      assertEquals(before, Trees.read(target));
      assertOnlyTarget(dir, List.of("repo"));
    }
  }

  @Test
  void theGatesRefusalComesBeforeAFailureOfTheRendering(@TempDir Path dir) throws Exception {
    Contributor broken =
        new Contributor() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public void contribute(GenerationContext c) {
            // what rendering a blueprint that its validation refuses may well do
            throw new NullPointerException("no such dataset");
          }
        };
    for (int threads : List.of(1, 2)) {
      CountDownLatch release = new CountDownLatch(1);
      Generator.Gate gate = refusingAfter(release, new AtomicBoolean());
      // the gate decides only after the rendering has failed
      Thread later =
          new Thread(
              () -> {
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                release.countDown();
              });
      later.start();
      ProblemException e =
          assertThrows(
              ProblemException.class,
              () ->
                  new Generator(List.of(broken), threads)
                      .generate(
                          Examples.clickstream(),
                          dir.resolve("new"),
                          OPTIONS,
                          Generator.Progress.NONE,
                          gate));
      later.join();
      assertSame(REFUSED, e);
      assertFalse(Files.exists(dir.resolve("new")));
      assertOnlyTarget(dir, List.of());
    }
    // an open gate lets the rendering's own failure through
    assertThrows(
        NullPointerException.class,
        () ->
            new Generator(List.of(broken), 2)
                .generate(
                    Examples.clickstream(),
                    dir.resolve("new"),
                    OPTIONS,
                    Generator.Progress.NONE,
                    Generator.Gate.OPEN));
  }

  @Test
  void aGateKnownToRefuseStopsTheRenderingAtTheNextContributor(@TempDir Path dir) throws Exception {
    AtomicBoolean known = new AtomicBoolean();
    AtomicInteger ran = new AtomicInteger();
    List<Contributor> contributors = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int n = i;
      contributors.add(
          new Contributor() {
            @Override
            public String name() {
              return "c" + n;
            }

            @Override
            public void contribute(GenerationContext c) throws IOException, ProblemException {
              ran.incrementAndGet();
              c.out().write("c" + n + ".txt", "c" + n + "\n");
              if (n == 1) {
                known.set(true); // the validation has just failed
              }
            }
          });
    }
    for (int threads : List.of(1, 2)) {
      ran.set(0);
      known.set(false);
      CountDownLatch release = new CountDownLatch(1);
      release.countDown();
      ProblemException e =
          assertThrows(
              ProblemException.class,
              () ->
                  new Generator(contributors, threads)
                      .generate(
                          Examples.clickstream(),
                          dir.resolve("new"),
                          OPTIONS,
                          Generator.Progress.NONE,
                          refusingAfter(release, known)));
      assertSame(REFUSED, e);
      assertEquals(2, ran.get(), "contributors after the refusal became known did not run");
      assertFalse(Files.exists(dir.resolve("new")));
      assertTrue(Files.isDirectory(dir));
      assertOnlyTarget(dir, List.of());
    }
  }
}
