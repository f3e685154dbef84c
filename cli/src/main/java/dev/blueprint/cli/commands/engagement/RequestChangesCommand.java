package dev.blueprint.cli.commands.engagement;

import dev.blueprint.cli.Cli;
import dev.blueprint.cli.UserException;
import dev.blueprint.core.load.LoadedBlueprint;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.Reviewer;
import dev.blueprint.core.review.Risk;
import dev.blueprint.core.validate.Validator;
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
    LoadedBlueprint loaded = Validator.loadValid(blueprint);
    if (!loaded.blueprint().isBlueprint()) {
      throw new UserException(
          blueprint + ": has no architecture; request changes with a full blueprint");
    }
    // the automated review that the revision will get, shown now, before anything is sent
    List<Finding> findings = Reviewer.review(loaded.blueprint());
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
    var d =
        decide(
            engagements,
            id,
            DecisionRequest.requestChanges(
                0, new ChangeRequest(blueprint.toString(), Files.readString(blueprint), comment)));
    out().println(id + ": changes requested; revision " + (d.revision() + 1) + " opens");
    out().flush();
    return Cli.OK;
  }
}
