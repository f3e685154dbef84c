package dev.blueprint.cli.commands.engagement;

import dev.blueprint.cli.Cli;
import dev.blueprint.workflow.runtime.Engagements;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code blueprint engagement approve ID}. */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = "Approves the revision under review; generation and publishing follow.")
final class ApproveCommand extends ClientCommand {

  @Parameters(paramLabel = "ID", description = "The engagement id.")
  String id;

  @Option(names = "--comment", paramLabel = "TEXT", description = "Why, for the history.")
  String comment;

  @Override
  Integer run(Engagements engagements) {
    var d = engagements.approve(id, comment == null ? "" : comment);
    out().println(id + ": approved revision " + d.revision());
    out().flush();
    return Cli.OK;
  }
}
