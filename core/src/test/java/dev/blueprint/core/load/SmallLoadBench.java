package dev.blueprint.core.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: {@code YamlReader.read} of small files (the engagement's 10 KB documents) many times,
 * the fast YAML reading on and off alternately; thread CPU per read. {@code java -cp ...
 * dev.blueprint.core.load.SmallLoadBench FILE...}.
 */
final class SmallLoadBench {
  private SmallLoadBench() {}

  public static void main(String[] args) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (String f : args) {
      String text = Files.readString(Path.of(f));
      for (int round = 0; round < 5; round++) {
        for (boolean fast : new boolean[] {false, true}) {
          PipelinedYamlFactory.fastEvents = fast;
          int n = 2000;
          long c0 = mx.getCurrentThreadCpuTime();
          for (int i = 0; i < n; i++) {
            if (YamlReader.read("x.yaml", text).root() == null) {
              throw new AssertionError("not read: " + f);
            }
          }
          long c1 = mx.getCurrentThreadCpuTime();
          System.out.printf(
              "%s %s %-5s %.1f us per read%n",
              Path.of(f).getParent().getFileName() + "/" + Path.of(f).getFileName(),
              round,
              fast,
              (c1 - c0) / 1e3 / n);
        }
      }
    }
  }
}
