package dev.blueprint.targets.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The servers and clients that {@code make tools} installs into build/tools for the store tests,
 * and small process helpers. Outside CI a missing install skips the test; in CI (CI=true) it fails,
 * so that a broken install cannot pass unnoticed.
 */
public final class TestTools {
  private TestTools() {}

  /** build/tools/RELATIVE, which must exist; otherwise the test is skipped (failed in CI). */
  public static Path installed(String relative, String what) {
    Path p = Examples.root().resolve("build/tools").resolve(relative);
    if (!Files.exists(p)) {
      String why = what + " is not installed in " + p + "; run make tools";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(why);
      }
      Assumptions.abort(why);
    }
    return p;
  }

  /** The classpath that {@code make tools} resolved for build/tools/servers/NAME.classpath. */
  public static String classpath(String name) {
    Path file = installed("servers/" + name + ".classpath", name + "'s classpath");
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The java launcher of the JVM that runs the tests. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A port that was free on 127.0.0.1 a moment ago. */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether something accepts connections on 127.0.0.1:port. */
  public static boolean listening(int port) {
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** What a finished command printed (stdout and stderr together) and its exit code. */
  public record Run(List<String> command, int exitCode, String output) {
    /** This run, or an AssertionError naming the command and its output. */
    public Run ok() {
      if (exitCode != 0) {
        throw new AssertionError(
            String.join(" ", command) + " exited " + exitCode + ":\n" + output);
      }
      return this;
    }
  }

  /** Runs a command to its end, at most {@code timeout}; a command still running is killed. */
  public static Run run(List<String> command, Duration timeout) {
    return run(command, java.util.Map.of(), timeout);
  }

  /** Runs a command with extra environment variables, at most {@code timeout}. */
  public static Run run(List<String> command, java.util.Map<String, String> env, Duration timeout) {
    try {
      Path out = Files.createTempFile("blueprint-run-", ".log");
      try {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Process p =
            pb.redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly().waitFor();
          throw new AssertionError(
              String.join(" ", command)
                  + " did not end within "
                  + timeout
                  + ":\n"
                  + Files.readString(out, StandardCharsets.UTF_8));
        }
        return new Run(command, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops a server process: SIGTERM, then SIGKILL after {@code grace}. */
  public static void stop(Process p, Duration grace) {
    if (p == null) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Kills {@code server} and deletes {@code dir} when the test JVM exits, should the test's own
   * close never run (a killed or crashed test run): no server outlives the build.
   */
  public static void cleanUpAtExit(Process server, Path dir) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.destroyForcibly();
                  delete(dir);
                }));
  }

  /** Deletes a folder and everything in it. */
  public static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last {@code n} characters of a file, for error messages; empty when it is missing. */
  public static String tail(Path file, int n) {
    try {
      if (!Files.exists(file)) {
        return "";
      }
      String s = Files.readString(file, StandardCharsets.UTF_8);
      return s.length() <= n ? s : s.substring(s.length() - n);
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }
}
