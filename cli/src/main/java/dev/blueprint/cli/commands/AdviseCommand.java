package dev.blueprint.cli.commands;

import dev.blueprint.cli.Cli;
import dev.blueprint.cli.IoMessages;
import dev.blueprint.cli.UserException;
import dev.blueprint.core.advice.Advice;
import dev.blueprint.core.advice.AdviceWriter;
import dev.blueprint.core.advice.Advisor;
import dev.blueprint.core.advice.Conflict;
import dev.blueprint.core.advice.ForeignFilesException;
import dev.blueprint.core.advice.Matrix;
import dev.blueprint.core.advice.knowledge.Knowledge;
import dev.blueprint.core.advice.knowledge.KnowledgeLoader;
import dev.blueprint.core.load.LoadedBlueprint;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code blueprint advise REQUIREMENTS -o DIR}. */
@Command(
    name = "advise",
    mixinStandardHelpOptions = true,
    description = {
      "Proposes an architecture for a requirements file and explains it: writes blueprint.yaml"
          + " (the proposal), report.md (the consulting report) and report.json into DIR.",
      "Conflicting requirements (e.g. a Kinesis mandate with a two-year replay) are explained on"
          + " stderr and in the report."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  blueprint advise examples/clickstream-analytics/requirements.yaml -o advice",
      "  blueprint advise requirements.yaml -o advice --force --date 2026-03-01",
      "  blueprint review advice/blueprint.yaml",
      "",
      "Exit codes: 0 advice written, 1 invalid requirements or DIR cannot be written,"
          + " 2 wrong command line."
    })
public final class AdviseCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REQUIREMENTS", description = "The requirements file.")
  Path requirements;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description =
          "Folder to write into; it must be new or empty (or an earlier advice, with --force).")
  Path output;

  @Option(
      names = "--knowledge",
      paramLabel = "DIR",
      description = "Extra knowledge files (*.yaml) that extend the built-in criteria and rules.")
  Path knowledge;

  @Option(
      names = "--force",
      description =
          "Replace an earlier advice in DIR. Files that advise did not write are never deleted.")
  boolean force;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      converter = IsoDateConverter.class,
      description = "Date of the decision records (none by default, so output is reproducible).")
  LocalDate date;

  @Option(names = "--verbose", description = "Print stack traces of unexpected failures.")
  boolean verbose;

  @Override
  public Integer call() throws ProblemException {
    LoadedBlueprint loaded = Validator.loadValid(requirements);
    Knowledge kb = knowledge == null ? Knowledge.builtIn() : KnowledgeLoader.load(knowledge);
    Advice advice = Advisor.advise(loaded.blueprint(), kb, date);
    try {
      AdviceWriter.writeAtomically(advice, output, force);
    } catch (ForeignFilesException e) {
      throw new UserException(
          output
              + " "
              + e.getReason()
              + "; even --force only replaces an earlier advice, so choose a new or empty folder");
    } catch (DirectoryNotEmptyException e) {
      throw new UserException(output + " is not empty; pass --force to replace its contents");
    } catch (FileAlreadyExistsException e) {
      if (!output.toString().equals(e.getFile())) {
        throw new UserException(
            "cannot write the advice to " + output + ": " + IoMessages.describe(e));
      }
      throw new UserException(output + " exists and is not a folder");
    } catch (IOException e) {
      String why = IoMessages.describe(e);
      throw new UserException(
          "cannot write the advice to " + output + ": " + (why == null ? e.getMessage() : why));
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    out.println("Advice for " + requirements + " written to " + output + ":");
    out.println("  " + AdviceWriter.BLUEPRINT + "  the proposal");
    out.println("  " + AdviceWriter.REPORT_MD + "       the consulting report");
    out.println("  " + AdviceWriter.REPORT_JSON + "     the report for machines");
    out.println("Choices:");
    for (Matrix m : advice.report().matrices()) {
      out.println(
          "  "
              + m.id()
              + " "
              + m.title()
              + ": "
              + m.name(m.chosen())
              + (m.runnerUp() == null ? "" : " (runner-up " + m.name(m.runnerUp()) + ")")
              + (m.lowConfidence() ? ", low confidence: see the report" : ""));
    }
    out.println(
        "Open questions for the problem owner: " + advice.report().questions().size() + ".");
    out.println("Review: " + advice.report().findingsNote());
    if (loaded.blueprint().isBlueprint()) {
      err.println(
          "blueprint: note: "
              + requirements
              + " already has an architecture; advise ignores it and proposes a new one from"
              + " its requirements, sources and consumers (to check it, run 'blueprint review "
              + requirements
              + "')");
    }
    for (Conflict c : advice.conflicts()) {
      err.println("blueprint: conflict: " + c.message());
    }
    out.flush();
    err.flush();
    return Cli.OK;
  }
}
