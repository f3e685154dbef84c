package dev.blueprint.cli.commands.engagement;

import dev.blueprint.cli.Cli;
import dev.blueprint.cli.UserException;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.Reviewer;
import dev.blueprint.core.review.Risk;
import dev.blueprint.workflow.api.ChangeRequest;
import dev.blueprint.workflow.api.DecisionRequest;
import dev.blueprint.workflow.runtime.Engagements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code blueprint engagement request-changes ID --blueprint FILE}. */
@Command(
    name = "request-changes",
    mixinStandardHelpOptions = true,
    description =
        "Sends an amended blueprint: it becomes a new revision and goes back to the automated"
            + " review.")
final class RequestChangesCommand extends ClientCommand {

  @Parameters(paramLabel = "ID", description = "The engagement id.")
  String id;

  @Option(
      names = "--blueprint",
      required = true,
      paramLabel = "FILE",
      description = "The amended blueprint.")
  Path blueprint;

  @Option(names = "--comment", paramLabel = "TEXT", description = "What changed and why.")
  String comment;

  @Override
  Integer run(Engagements engagements) throws Exception {
    if (!Files.isRegularFile(blueprint)) {
      throw new UserException(blueprint + ": no such file");
    }
    // loaded and checked once, by the client; the automated review that the revision will get is
    // shown before anything is sent
    var d =
        decide(
            engagements,
            id,
            DecisionRequest.requestChanges(
                0, new ChangeRequest(blueprint.toString(), Files.readString(blueprint), comment)),
            this::showReview);
    out().println(id + ": changes requested; revision " + (d.revision() + 1) + " opens");
    out().flush();
    return Cli.OK;
  }

  private void showReview(Blueprint amended) {
    List<Finding> findings = Reviewer.review(amended);
    long high = findings.stream().filter(f -> f.severity() == Risk.HIGH).count();
    out()
        .println(
            blueprint
                + ": "
                + findings.size()
                + " review finding(s), "
                + high
                + " HIGH"
                + (high > 0 ? " (approving it will need --accept for each):" : ""));
    findings.stream()
        .filter(f -> f.severity() == Risk.HIGH)
        .forEach(f -> out().println("  " + f.format()));
    out().flush();
  }
}
