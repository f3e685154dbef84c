package dev.blueprint.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprint.cli.Cli;
import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.load.BlueprintMapper;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.problem.Severity;
import dev.blueprint.core.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code blueprint validate FILE...}: exit 0 when every file is valid, 1 when one is not. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks requirements and blueprint files: YAML syntax, keys, types, references, Kafka and"
          + " Airflow naming rules, ranges and retention. Prints every problem with file:line:column"
          + " and a rule id; warnings do not make a file invalid.",
    },
    footerHeading = "%nExit codes:%n",
    footer = {"  0 every file is valid, 1 a file is invalid, 2 wrong command line."})
public final class ValidateCommand implements Callable<Integer> {

  /** Output formats. */
  public enum Format {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check.")
  List<Path> files;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (default) for people, json for machines: ${COMPLETION-CANDIDATES}.")
  Format format = Format.text;

  @Option(names = "--verbose", description = "Print stack traces of unexpected failures.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ArrayNode report = JsonNodeFactory.instance.arrayNode();
    int exit = Cli.OK;
    for (Path file : files) {
      List<Problem> problems;
      try {
        problems = Validator.validate(BlueprintLoader.load(file));
      } catch (ProblemException e) {
        problems = e.problems();
      }
      long errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
      long warnings = problems.size() - errors;
      if (errors > 0) {
        exit = Cli.FAILED;
      }
      if (format == Format.json) {
        report.add(json(file, errors == 0, problems));
        continue;
      }
      for (Problem p : problems) {
        (p.severity() == Severity.ERROR ? err : out).println(p.format());
      }
      if (errors == 0) {
        out.println(
            file + ": valid" + (warnings > 0 ? " (" + plural(warnings, "warning") + ")" : ""));
      } else {
        err.println(
            file
                + ": invalid ("
                + plural(errors, "error")
                + (warnings > 0 ? ", " + plural(warnings, "warning") : "")
                + ")");
      }
    }
    if (format == Format.json) {
      out.println(
          BlueprintMapper.json().writerWithDefaultPrettyPrinter().writeValueAsString(report));
    }
    out.flush();
    err.flush();
    return exit;
  }

  /** One file's result as validate --format json prints it; review --format json reuses it. */
  static ObjectNode json(Path file, boolean valid, List<Problem> problems) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("file", file.toString());
    o.put("valid", valid);
    ArrayNode list = o.putArray("problems");
    for (Problem p : problems) {
      ObjectNode j = list.addObject();
      j.put("ruleId", p.ruleId());
      j.put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT));
      j.put("file", p.location().file());
      j.put("line", p.location().line());
      j.put("column", p.location().column());
      j.put("path", p.path());
      j.put("message", p.message());
      if (p.hint() != null) {
        j.put("hint", p.hint());
      } else {
        j.putNull("hint");
      }
    }
    return o;
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
