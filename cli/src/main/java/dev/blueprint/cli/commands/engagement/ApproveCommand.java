package dev.blueprint.cli.commands.engagement;

import dev.blueprint.cli.Cli;
import dev.blueprint.workflow.api.DecisionRequest;
import dev.blueprint.workflow.runtime.Engagements;
import java.util.ArrayList;
import java.util.List;
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

  @Option(
      names = "--comment",
      paramLabel = "TEXT",
      description = "Why, for the history; required with --accept.")
  String comment;

  @Option(
      names = "--accept",
      paramLabel = "RULE-ID",
      description =
          "Accept an open HIGH finding of the revision by its rule id (repeat for each): a"
              + " revision with open HIGH findings is approved only when each is accepted, and"
              + " the history and decision record say which risks were taken and why.")
  List<String> accept = new ArrayList<>();

  @Option(
      names = "--revision",
      paramLabel = "N",
      description =
          "The revision you reviewed; refused if another one is under review by then (default:"
              + " whichever is under review).")
  int revision;

  @Override
  Integer run(Engagements engagements) {
    var d =
        decide(
            engagements,
            id,
            DecisionRequest.approve(revision, comment == null ? "" : comment, accept));
    out().println(id + ": approved revision " + d.revision());
    out().flush();
    return Cli.OK;
  }
}
