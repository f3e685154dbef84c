package dev.blueprint.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Ruff's WebAssembly build (npm {@code @astral-sh/ruff-wasm-nodejs}) under Node.js, installed by
 * {@code make tools} (which {@code make test} and {@code .ci/run} run) into build/tools. Outside CI
 * a missing install skips the check; in CI (CI=true) it fails.
 */
public final class Ruff {
  private Ruff() {}

  /** The installed package folder; aborts the test (or fails in CI) when it is missing. */
  public static Path module() {
    Path m = Examples.root().resolve("build/tools/node_modules/@astral-sh/ruff-wasm-nodejs");
    if (!Files.isRegularFile(m.resolve("package.json"))) {
      String why =
          "Ruff (npm @astral-sh/ruff-wasm-nodejs) is not installed in " + m + "; run make tools";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(why);
      }
      Assumptions.abort(why);
    }
    return m;
  }

  /** Diagnostics per file ("code row: message"), for the selected rule prefixes. */
  public static Map<Path, List<String>> check(List<Path> files, String select) throws IOException {
    Path script = Files.createTempFile("ruff-check-", ".cjs");
    try (InputStream in = Ruff.class.getResourceAsStream("/checks/ruff_check.cjs")) {
      Files.write(script, in.readAllBytes());
    }
    try {
      List<String> cmd =
          new ArrayList<>(List.of("node", script.toString(), module().toString(), select));
      files.forEach(f -> cmd.add(f.toString()));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError("node ruff_check.cjs failed:\n" + out);
      }
      Map<Path, List<String>> result = new LinkedHashMap<>();
      ObjectMapper json = new ObjectMapper();
      for (String line : out.split("\n")) {
        JsonNode n = json.readTree(line);
        if (n.has("file")) {
          List<String> d = new ArrayList<>();
          n.get("diagnostics")
              .forEach(
                  x ->
                      d.add(
                          x.path("code").asText()
                              + " line "
                              + x.path("row").asText()
                              + ": "
                              + x.path("message").asText()));
          result.put(Path.of(n.get("file").asText()), d);
        }
      }
      if (result.size() != files.size()) {
        throw new AssertionError(
            "ruff checked " + result.size() + " of " + files.size() + " files:\n" + out);
      }
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } finally {
      Files.deleteIfExists(script);
    }
  }
}
