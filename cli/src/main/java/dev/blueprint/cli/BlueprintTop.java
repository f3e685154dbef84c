package dev.blueprint.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top command's own attributes, without the subcommands ({@link BlueprintCommand} adds them;
 * picocli merges the {@code @Command} of a class with its superclass's). Building every
 * subcommand's model by reflection is most of a short command's start-up, so {@link Cli} builds
 * this alone with only the subcommand a command line names.
 */
@Command(
    name = "blueprint",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Turns a consultant's requirements for a data platform into an approved architectural"
          + " blueprint, and the blueprint into a scaffolding repository.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  blueprint validate examples/*/*.yaml",
      "  blueprint advise examples/clickstream-analytics/requirements.yaml -o advice",
      "  blueprint review advice/blueprint.yaml --fail-on MEDIUM",
      "",
      "Exit codes: 0 done, 1 invalid input or failed work, 2 wrong command line."
    })
public class BlueprintTop implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }
}
