package dev.blueprint.cli.commands.engagement;

import dev.blueprint.cli.Cli;
import dev.blueprint.workflow.api.DecisionRequest;
import dev.blueprint.workflow.runtime.Engagements;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code blueprint engagement reject ID --reason TEXT}. */
@Command(
    name = "reject",
    mixinStandardHelpOptions = true,
    description = "Rejects the engagement: its compensations undo every step, newest first.")
final class RejectCommand extends ClientCommand {

  @Parameters(paramLabel = "ID", description = "The engagement id.")
  String id;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
  String reason;

  @Override
  Integer run(Engagements engagements) {
    var d = decide(engagements, id, DecisionRequest.reject(0, reason));
    out().println(id + ": rejected revision " + d.revision() + " (" + d.text() + ")");
    out().flush();
    return Cli.OK;
  }
}
