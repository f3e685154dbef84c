package dev.blueprint.cli.commands;

import dev.blueprint.cli.Cli;
import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code blueprint validate FILE...}. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Checks requirements and blueprint files: syntax, keys, types and references.")
public final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check.")
  List<Path> files;

  @Option(names = "--verbose", description = "Print stack traces of unexpected failures.")
  boolean verbose;

  @Override
  public Integer call() {
    int exit = Cli.OK;
    for (Path file : files) {
      try {
        BlueprintLoader.load(file);
        spec.commandLine().getOut().println(file + ": valid");
      } catch (ProblemException e) {
        for (Problem p : e.problems()) {
          spec.commandLine().getErr().println(p.format());
        }
        exit = Cli.FAILED;
      }
    }
    return exit;
  }
}
