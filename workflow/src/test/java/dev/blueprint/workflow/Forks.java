package dev.blueprint.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Java processes forked from the test's own class path (a dev server, a worker, an {@code up}),
 * each logging to {@code NAME.log} in a folder, and all killed when the test ends.
 */
final class Forks {

  private final Path logs;
  private final String maxHeap;
  private final List<Process> processes = new ArrayList<>();

  Forks(Path logs, String maxHeap) {
    this.logs = logs;
    this.maxHeap = maxHeap;
  }

  Process fork(String name, Class<?> main, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-Xmx" + maxHeap);
    cmd.add("-Dblueprint.root=" + TestPorts.root());
    cmd.add("-cp");
    cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve(name + ".log").toFile())
            .start();
    processes.add(p);
    return p;
  }

  /** The processes forked so far, oldest first. */
  List<Process> processes() {
    return processes;
  }

  /** SIGKILL: no shutdown hook runs, nothing says goodbye to the server. */
  static void kill(Process p) throws InterruptedException {
    p.destroyForcibly();
    p.waitFor();
  }

  /**
   * Waits until {@code condition} holds, checking every {@code poll}; a RuntimeException counts as
   * not yet (a server or worker still starting). On timeout it fails naming {@code what}, with
   * {@code context} (e.g. the last status seen) and the end of every fork's log.
   */
  void await(
      String what,
      Duration timeout,
      Duration poll,
      BooleanSupplier condition,
      Supplier<String> context)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        // not yet
      }
      Thread.sleep(poll.toMillis());
    }
    StringBuilder tails = new StringBuilder();
    try (Stream<Path> files = Files.list(logs)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        tails.append("\n--- ").append(f.getFileName()).append('\n').append(tail(f));
      }
    }
    throw new AssertionError("timed out waiting for " + what + context.get() + tails);
  }

  /** The last 40 lines of a log. */
  static String tail(Path f) throws IOException {
    List<String> lines = Files.readAllLines(f);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** Kills every process forked (at the end of a test). */
  void killAll() throws InterruptedException {
    for (Process p : processes) {
      kill(p);
    }
  }
}
