package dev.blueprint.core.load;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: {@code BlueprintLoader.parse} of a large file, alternating the fast YAML reading on
 * and off in one JVM; wall time and the process's CPU time (both threads and the collector). {@code
 * java -cp ... dev.blueprint.core.load.LoadBench FILE [ROUNDS]}.
 */
final class LoadBench {
  private LoadBench() {}

  public static void main(String[] args) throws Exception {
    byte[] bytes = Files.readAllBytes(Path.of(args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int r = 0; r < rounds; r++) {
      for (boolean fast : new boolean[] {false, true}) {
        PipelinedYamlFactory.fastEvents = fast;
        System.gc();
        long c0 = os.getProcessCpuTime();
        long w0 = System.nanoTime();
        LoadedBlueprint b = BlueprintLoader.parse("big.yaml", bytes);
        long w1 = System.nanoTime();
        long c1 = os.getProcessCpuTime();
        System.out.printf(
            "round %d %-9s pipelines %d wall %.3f s cpu %.3f s%n",
            r,
            fast ? "fast" : "snakeyaml",
            b.blueprint().architecture().pipelines().size(),
            (w1 - w0) / 1e9,
            (c1 - c0) / 1e9);
      }
    }
  }
}
