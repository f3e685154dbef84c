package dev.blueprint.cli.commands.engagement;

import dev.blueprint.cli.Cli;
import dev.blueprint.workflow.runtime.Engagements;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code blueprint engagement cancel ID}. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description = "Cancels an engagement; its compensations undo every step, newest first.")
final class CancelCommand extends ClientCommand {

  @Parameters(paramLabel = "ID", description = "The engagement id.")
  String id;

  @Override
  Integer run(Engagements engagements) {
    engagements.cancel(id);
    out()
        .println(
            id + ": cancellation requested; 'blueprint engagement watch " + id + "' follows it");
    out().flush();
    return Cli.OK;
  }
}
