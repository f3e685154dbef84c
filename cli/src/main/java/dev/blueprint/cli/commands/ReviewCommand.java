package dev.blueprint.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.blueprint.cli.Cli;
import dev.blueprint.cli.UserException;
import dev.blueprint.core.load.BlueprintMapper;
import dev.blueprint.core.load.LoadedBlueprint;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.Reviewer;
import dev.blueprint.core.review.Risk;
import dev.blueprint.core.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code blueprint review BLUEPRINT}. */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = {
      "Reviews a blueprint against the architecture principles (no single point of failure,"
          + " isolated services, stateless processing, recorded trade-offs, requirements met).",
      "Exits 1 when a finding is at or above --fail-on."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  blueprint review advice/blueprint.yaml",
      "  blueprint review blueprint.yaml --fail-on MEDIUM --format json",
      "",
      "Exit codes: 0 no finding at or above --fail-on, 1 such a finding or an invalid"
          + " blueprint, 2 wrong command line."
    })
public final class ReviewCommand implements Callable<Integer> {

  /** Output formats. */
  public enum Format {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BLUEPRINT", description = "The blueprint file.")
  Path blueprint;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      defaultValue = "HIGH",
      description =
          "HIGH, MEDIUM or LOW: exit 1 when a finding is this bad or worse (default HIGH).")
  Risk failOn;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (default) for people, json for machines.")
  Format format;

  @Option(names = "--verbose", description = "Print stack traces of unexpected failures.")
  boolean verbose;

  @Override
  public Integer call() throws ProblemException {
    LoadedBlueprint loaded;
    try {
      loaded = Validator.loadValid(blueprint);
    } catch (ProblemException e) {
      if (format != Format.json) {
        throw e;
      }
      // machines reading stdout get JSON for an invalid file too, as from validate --format json
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("blueprint", blueprint.toString());
      doc.put("failOn", failOn);
      doc.put("failed", true);
      doc.put("valid", false);
      doc.put("problems", ValidateCommand.json(blueprint, false, e.problems()).get("problems"));
      doc.put("counts", counts(List.of()));
      doc.put("findings", List.of());
      printJson(doc);
      return Cli.FAILED;
    }
    if (!loaded.blueprint().isBlueprint()) {
      throw new UserException(
          blueprint
              + " has no architecture to review; run 'blueprint advise "
              + blueprint
              + " -o DIR' first");
    }
    List<Finding> findings = Reviewer.review(loaded.blueprint());
    boolean fail = Reviewer.failsAt(findings, failOn);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("blueprint", blueprint.toString());
      doc.put("failOn", failOn);
      doc.put("failed", fail);
      doc.put("valid", true);
      doc.put("counts", counts(findings));
      doc.put("findings", findings);
      printJson(doc);
    } else {
      for (Finding f : findings) {
        out.println(f.severity() + " " + f.ruleId() + " " + f.element());
        out.println("  why: " + f.why());
        out.println("  fix: " + f.fix());
      }
      Map<Risk, Long> c = counts(findings);
      out.println(
          blueprint
              + ": "
              + findings.size()
              + " finding(s): "
              + c.get(Risk.HIGH)
              + " HIGH, "
              + c.get(Risk.MEDIUM)
              + " MEDIUM, "
              + c.get(Risk.LOW)
              + " LOW"
              + (fail ? "; failing at " + failOn : "; passes at " + failOn));
    }
    out.flush();
    return fail ? Cli.FAILED : Cli.OK;
  }

  private void printJson(Map<String, Object> doc) {
    PrintWriter out = spec.commandLine().getOut();
    try {
      out.println(BlueprintMapper.json().writeValueAsString(doc));
    } catch (JsonProcessingException e) {
      throw new UserException("cannot write JSON: " + e.getOriginalMessage());
    }
    out.flush();
  }

  private static Map<Risk, Long> counts(List<Finding> findings) {
    Map<Risk, Long> c = new LinkedHashMap<>();
    for (Risk r : Risk.values()) {
      c.put(r, findings.stream().filter(f -> f.severity() == r).count());
    }
    return c;
  }
}
