package dev.blueprint.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blueprint.core.TestFiles;
import dev.blueprint.core.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many threads loading different valid files at once in a fresh JVM: the first use of the loader
 * (its shape cache, its mappers) must be safe to race. Each run is a new JVM, since the race is in
 * one-time initialisation; before the fix most runs failed with "unknown key".
 */
class ConcurrentFirstLoadTest {
  private static final int RUNS = 12;
  private static final int THREADS = 16;

  @Test
  void coldConcurrentLoadsAllSucceed() throws Exception {
    List<String> failures = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:TieredStopAtLevel=1",
                  "-Xshare:auto",
                  "-cp",
                  System.getProperty("java.class.path"),
                  "-Dblueprint.root=" + TestFiles.root(),
                  Main.class.getName())
              .redirectErrorStream(true)
              .start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        failures.add("run " + run + ": timed out");
        continue;
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        failures.add("run " + run + ": " + out.substring(0, Math.min(out.length(), 1000)));
      }
    }
    assertEquals(List.of(), failures);
  }

  /** One fresh JVM: every example file loaded by its own threads, all released at once. */
  public static final class Main {
    public static void main(String[] args) throws Exception {
      List<Path> files = TestFiles.exampleFiles().toList();
      CountDownLatch start = new CountDownLatch(1);
      AtomicInteger failed = new AtomicInteger();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        Path file = files.get(i % files.size());
        Thread t =
            new Thread(
                () -> {
                  try {
                    start.await();
                    BlueprintLoader.load(file);
                  } catch (ProblemException e) {
                    failed.incrementAndGet();
                    System.out.println(file + ": " + e.problems().get(0));
                  } catch (InterruptedException | RuntimeException e) {
                    failed.incrementAndGet();
                    System.out.println(file + ": " + e);
                  }
                });
        t.start();
        threads.add(t);
      }
      start.countDown();
      for (Thread t : threads) {
        t.join();
      }
      if (failed.get() > 0) {
        System.out.println(failed.get() + " of " + THREADS + " loads failed");
        System.exit(1);
      }
    }

    private Main() {}
  }
}
