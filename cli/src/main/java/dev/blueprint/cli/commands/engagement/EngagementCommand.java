package dev.blueprint.cli.commands.engagement;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code blueprint engagement ...}: start, follow and decide engagements. */
@Command(
    name = "engagement",
    mixinStandardHelpOptions = true,
    description = "Starts, follows and decides engagements running on Temporal.",
    subcommands = {
      StartCommand.class,
      ListCommand.class,
      StatusCommand.class,
      WatchCommand.class,
      ApproveCommand.class,
      RejectCommand.class,
      RequestChangesCommand.class,
      CommentCommand.class,
      CancelCommand.class,
      ResultCommand.class
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  blueprint up &",
      "  blueprint engagement start examples/clickstream-analytics/requirements.yaml",
      "  blueprint engagement watch clickstream-analytics",
      "  blueprint engagement approve clickstream-analytics --comment 'ship it'"
    })
public final class EngagementCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "an engagement command is required");
  }
}
