package dev.blueprint.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Python virtual environment {@code make tools} installs into build/tools/pychecks: cfn-lint,
 * fastavro and pyarrow, pinned in the Makefile. Outside CI a missing install skips the check; in CI
 * (CI=true) it fails.
 */
public final class PyChecks {
  private PyChecks() {}

  /** The venv's folder. */
  public static Path home() {
    return Examples.root().resolve("build/tools/pychecks");
  }

  /** An executable of the venv's bin/; aborts the test (or fails in CI) when it is missing. */
  public static Path bin(String name) {
    Path p = home().resolve("bin").resolve(name);
    if (!Files.isExecutable(p)) {
      String why = name + " is not installed in " + home() + "; run make tools";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(why);
      }
      Assumptions.abort(why);
    }
    return p;
  }

  /** The result of one run: exit code and stdout with stderr. */
  public record Run(int exitCode, String output) {}

  /** Runs {@code command} (its first word from the venv's bin/) with a timeout of 5 minutes. */
  public static Run run(String executable, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(bin(executable).toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    pb.environment().put("PYTHONIOENCODING", "utf-8");
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(cmd + " took longer than 300 s:\n" + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return new Run(p.exitValue(), out);
  }
}
