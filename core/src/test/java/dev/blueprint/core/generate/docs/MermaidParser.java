package dev.blueprint.core.generate.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.core.generate.storage.Generated;
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
 * Mermaid's own parser (npm {@code mermaid} under {@code jsdom}) run by Node.js, installed by
 * {@code make tools} into build/tools/mermaid. Outside CI a missing install skips the check; in CI
 * (CI=true) it fails.
 */
final class MermaidParser {
  private MermaidParser() {}

  static Path tools() {
    Path t = Generated.repositoryRoot().resolve("build/tools/mermaid");
    if (!Files.isRegularFile(t.resolve("node_modules/mermaid/package.json"))) {
      String why = "Mermaid (npm mermaid + jsdom) is not installed in " + t + "; run make tools";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(why);
      }
      Assumptions.abort(why);
    }
    return t.toAbsolutePath();
  }

  /** File -> null when it parses, else Mermaid's error message. */
  static Map<Path, String> parse(List<Path> files) throws Exception {
    Path tools = tools();
    Path script = Files.createTempFile("mermaid-parse-", ".mjs");
    try (InputStream in = MermaidParser.class.getResourceAsStream("/checks/mermaid_parse.mjs")) {
      Files.write(script, in.readAllBytes());
    }
    try {
      List<String> cmd = new ArrayList<>(List.of("node", script.toString(), tools.toString()));
      files.forEach(f -> cmd.add(f.toString()));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError("node mermaid_parse.mjs failed:\n" + out);
      }
      Map<Path, String> result = new LinkedHashMap<>();
      ObjectMapper json = new ObjectMapper();
      for (String line : out.split("\n")) {
        if (!line.startsWith("{")) {
          continue;
        }
        JsonNode n = json.readTree(line);
        result.put(
            Path.of(n.get("file").asText()),
            n.get("ok").asBoolean() ? null : n.get("error").asText());
      }
      if (result.size() != files.size()) {
        throw new AssertionError(
            "mermaid_parse.mjs answered for " + result.size() + " files:\n" + out);
      }
      return result;
    } finally {
      Files.deleteIfExists(script);
    }
  }
}
