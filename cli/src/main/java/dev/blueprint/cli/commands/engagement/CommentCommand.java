package dev.blueprint.cli.commands.engagement;

import dev.blueprint.cli.Cli;
import dev.blueprint.workflow.api.DecisionRequest;
import dev.blueprint.workflow.runtime.Engagements;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code blueprint engagement comment ID TEXT}. */
@Command(
    name = "comment",
    mixinStandardHelpOptions = true,
    description = "Adds a comment to the review's history.")
final class CommentCommand extends ClientCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "The engagement id.")
  String id;

  @Parameters(index = "1", paramLabel = "TEXT", description = "The comment.")
  String text;

  @Override
  Integer run(Engagements engagements) {
    var d = decide(engagements, id, DecisionRequest.comment(text));
    out().println(id + ": comment recorded on revision " + d.revision());
    out().flush();
    return Cli.OK;
  }
}
