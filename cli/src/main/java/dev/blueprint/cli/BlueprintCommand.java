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

/**
 * The top command, {@code blueprint}, with all its subcommands. Its own attributes are in {@link
 * BlueprintTop}, which {@link Cli} builds alone with the one subcommand a command line names.
 */
@Command(
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
public final class BlueprintCommand extends BlueprintTop {}
