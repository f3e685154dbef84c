package dev.blueprint.cli;

import dev.blueprint.cli.commands.AdviseCommand;
import dev.blueprint.cli.commands.DevServerCommand;
import dev.blueprint.cli.commands.GenerateCommand;
import dev.blueprint.cli.commands.KafkaCommand;
import dev.blueprint.cli.commands.ReviewCommand;
import dev.blueprint.cli.commands.SchemaCommand;
import dev.blueprint.cli.commands.StorageCommand;
import dev.blueprint.cli.commands.SynthCommand;
import dev.blueprint.cli.commands.UpCommand;
import dev.blueprint.cli.commands.ValidateCommand;
import dev.blueprint.cli.commands.WorkerCommand;
import dev.blueprint.cli.commands.engagement.EngagementCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top command: {@code blueprint}. */
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
    },
    subcommands = {
      ValidateCommand.class,
      SchemaCommand.class,
      AdviseCommand.class,
      ReviewCommand.class,
      GenerateCommand.class,
      KafkaCommand.class,
      StorageCommand.class,
      DevServerCommand.class,
      WorkerCommand.class,
      UpCommand.class,
      EngagementCommand.class,
      SynthCommand.class,
    })
public final class BlueprintCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }
}
