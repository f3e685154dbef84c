package dev.blueprint.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blueprint.core.advice.Advice;
import dev.blueprint.core.advice.Advisor;
import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Cache;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.model.Zone;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.problem.Severity;
import dev.blueprint.core.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Advises every scenario under a folder and compares the advice with the answer its published
 * source gives (expected.yaml, written before the advisor ran). A scenario is met when every
 * expected choice is the advised one.
 */
public final class Evaluation {

  /** One expected choice against the advised one. */
  public record Check(String decision, String element, String expected, String advised) {
    public boolean met() {
      return expected.equals(advised);
    }

    public String say() {
      return decision
          + " "
          + element
          + ": "
          + expected
          + (met() ? "" : " (advised " + advised + ")");
    }
  }

  /** One scenario's outcome; {@code error} when it could not be advised at all. */
  public record Outcome(String scenario, String source, List<Check> checks, String error) {
    public boolean met() {
      return error == null && checks.stream().allMatch(Check::met);
    }
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Evaluation() {}

  /** Every scenario folder (one holding requirements.yaml and expected.yaml), in name order. */
  public static List<Outcome> run(Path scenarios) {
    List<Path> dirs;
    try (java.util.stream.Stream<Path> s = Files.list(scenarios)) {
      dirs = s.filter(d -> Files.isRegularFile(d.resolve("expected.yaml"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Outcome> out = new ArrayList<>();
    for (Path d : dirs) {
      out.add(one(d));
    }
    return out;
  }

  static Outcome one(Path dir) {
    String name = dir.getFileName().toString();
    JsonNode expected;
    try {
      expected = YAML.readTree(dir.resolve("expected.yaml").toFile());
    } catch (IOException e) {
      return new Outcome(name, "", List.of(), "expected.yaml: " + e.getMessage());
    }
    String source = expected.path("source").path("title").asText("");
    Blueprint req;
    try {
      var loaded = BlueprintLoader.load(dir.resolve("requirements.yaml"));
      List<Problem> errors =
          Validator.validate(loaded).stream().filter(p -> p.severity() == Severity.ERROR).toList();
      if (!errors.isEmpty()) {
        return new Outcome(name, source, List.of(), errors.get(0).format());
      }
      req = loaded.blueprint();
    } catch (ProblemException e) {
      return new Outcome(name, source, List.of(), e.problems().get(0).format());
    }
    Advice advice = Advisor.advise(req);
    Architecture a = advice.proposal().architectureOrEmpty();
    List<Check> checks = new ArrayList<>();
    JsonNode want = expected.path("expected");
    for (Map.Entry<String, JsonNode> e : fields(want.path("stores"))) {
      checks.add(new Check("store", e.getKey(), e.getValue().asText(), store(a, e.getKey())));
    }
    for (Map.Entry<String, JsonNode> e : fields(want.path("messaging"))) {
      checks.add(
          new Check("messaging", e.getKey(), e.getValue().asText(), messaging(a, e.getKey())));
    }
    for (Map.Entry<String, JsonNode> e : fields(want.path("formats"))) {
      checks.add(new Check("format", e.getKey(), e.getValue().asText(), format(a, e.getKey())));
    }
    for (Map.Entry<String, JsonNode> e : fields(want.path("caches"))) {
      checks.add(new Check("cache", e.getKey(), e.getValue().asText(), cache(a, e.getKey())));
    }
    return new Outcome(name, source, checks, null);
  }

  private static String store(Architecture a, String data) {
    return a.datasets().stream()
        .filter(d -> d.name().equals(data))
        .map(
            d ->
                d.store() == null
                    ? "?"
                    : d.store().name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .findFirst()
        .orElse("(no dataset)");
  }

  private static String messaging(Architecture a, String source) {
    return a.streams().stream()
        .filter(s -> s.producers().contains(source))
        .map(Stream::platform)
        .map(p -> p == null ? "kafka" : p.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .findFirst()
        .orElse("none");
  }

  /** A data name's dataset format, or a source's raw landing format. */
  private static String format(Architecture a, String element) {
    for (Dataset d : a.datasets()) {
      if (d.name().equals(element) && d.format() != null) {
        return d.format().name().toLowerCase(Locale.ROOT);
      }
    }
    String snake = element.replace('-', '_');
    for (Dataset d : a.datasets()) {
      boolean raw =
          d.zone() == Zone.RAW
              && (d.name().equals(snake + "_raw") || d.name().equals(snake + "_snapshot"));
      if (raw && d.format() != null) {
        return d.format().name().toLowerCase(Locale.ROOT);
      }
    }
    return "(no file format)";
  }

  private static String cache(Architecture a, String data) {
    return a.caches().stream().map(Cache::caches).anyMatch(data::equals) ? "redis" : "none";
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonNode n) {
    return new ArrayList<>(n.properties());
  }

  /** The scoreboard as a Markdown table with a total line. */
  public static String table(List<Outcome> outcomes) {
    StringBuilder sb = new StringBuilder();
    sb.append("| scenario | source | expected | advised | result |\n");
    sb.append("|---|---|---|---|---|\n");
    for (Outcome o : outcomes) {
      String expected =
          String.join(
              "; ",
              o.checks().stream()
                  .map(c -> c.decision() + " " + c.element() + ": " + c.expected())
                  .toList());
      String advised =
          o.error() != null
              ? "not advised: " + o.error()
              : String.join(
                  "; ",
                  o.checks().stream()
                      .map(c -> c.decision() + " " + c.element() + ": " + c.advised())
                      .toList());
      sb.append("| ")
          .append(o.scenario())
          .append(" | ")
          .append(cell(o.source()))
          .append(" | ")
          .append(cell(expected))
          .append(" | ")
          .append(cell(advised))
          .append(" | ")
          .append(o.met() ? "met" : "**missed**")
          .append(" |\n");
    }
    long met = outcomes.stream().filter(Outcome::met).count();
    long checks = outcomes.stream().mapToLong(o -> o.checks().size()).sum();
    long checksMet =
        outcomes.stream().mapToLong(o -> o.checks().stream().filter(Check::met).count()).sum();
    sb.append("\n**")
        .append(met)
        .append(" of ")
        .append(outcomes.size())
        .append(" scenarios fully met** (")
        .append(checksMet)
        .append(" of ")
        .append(checks)
        .append(" expected choices).\n");
    return sb.toString();
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
