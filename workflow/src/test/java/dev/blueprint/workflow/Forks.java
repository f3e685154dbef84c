package dev.blueprint.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

  /** Kills every process forked (at the end of a test). */
  void killAll() throws InterruptedException {
    for (Process p : processes) {
      kill(p);
    }
  }
}
