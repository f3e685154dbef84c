package dev.blueprint.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real python3 on PATH: scripts get their input on stdin, output is returned. */
public final class Python {
  private Python() {}

  /** The exit code of a check script whose optional Python module is missing. */
  public static final int MISSING_MODULE = 3;

  /** Python that imports {@code module} or exits with {@link #MISSING_MODULE}. */
  public static String requireModule(String module) {
    return "try:\n    import "
        + module
        + "\nexcept ImportError:\n    print('python module "
        + module
        + " is not installed')\n    raise SystemExit("
        + MISSING_MODULE
        + ")\n";
  }

  /** The result of one run. */
  public record Run(int exitCode, String stdout, String stderr) {
    /**
     * Like {@link #assertOk}, but a script that exits with {@link #MISSING_MODULE} (a Python module
     * this check needs is not installed and cannot be from here) skips the check.
     */
    public Run assertOkOrSkip(String what) {
      org.junit.jupiter.api.Assumptions.assumeTrue(
          exitCode != MISSING_MODULE, what + ": skipped, " + stdout.strip());
      return assertOk(what);
    }

    public Run assertOk(String what) {
      if (exitCode != 0) {
        throw new AssertionError(what + ": python3 exited " + exitCode + "\n" + stderr + stdout);
      }
      return this;
    }
  }

  /** Runs {@code script} (Python source) with {@code args}, feeding {@code stdin}. */
  public static Run run(String script, String stdin, String... args) throws IOException {
    Path file = Files.createTempFile("blueprint-test-", ".py");
    try {
      Files.writeString(file, script, StandardCharsets.UTF_8);
      List<String> cmd = new ArrayList<>(List.of("python3", "-X", "utf8", file.toString()));
      cmd.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().put("PYTHONIOENCODING", "utf-8");
      pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
      Process p = pb.start();
      var out = new java.io.ByteArrayOutputStream();
      var err = new java.io.ByteArrayOutputStream();
      Thread o = new Thread(() -> copy(p.getInputStream(), out));
      Thread e = new Thread(() -> copy(p.getErrorStream(), err));
      o.start();
      e.start();
      try (var in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      try {
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError("python3 took longer than 300 s");
        }
        o.join();
        e.join();
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new IOException(ie);
      }
      return new Run(
          p.exitValue(),
          out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** A string as space-separated hex code points: a channel to Python that needs no escaping. */
  public static String codePoints(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints()
        .forEach(cp -> b.append(b.length() == 0 ? "" : " ").append(Integer.toHexString(cp)));
    return b.length() == 0 ? "-" : b.toString();
  }

  /** The Python function that reverses {@link #codePoints}. */
  public static final String DECODE =
      "def decode(line):\n"
          + "    line = line.strip()\n"
          + "    return '' if line == '-' else ''.join(chr(int(h, 16)) for h in line.split(' '))\n";

  private static void copy(java.io.InputStream in, java.io.OutputStream out) {
    try {
      in.transferTo(out);
    } catch (IOException ignored) {
      // the process ended
    }
  }
}
