package dev.blueprint.cli.commands.engagement;

import dev.blueprint.cli.Cli;
import dev.blueprint.cli.UserException;
import dev.blueprint.core.load.LoadedBlueprint;
import dev.blueprint.core.validate.Validator;
import dev.blueprint.workflow.api.EngagementInput;
import dev.blueprint.workflow.api.EngagementResult;
import dev.blueprint.workflow.api.EngagementWorkflow;
import dev.blueprint.workflow.api.ReviewPolicy;
import dev.blueprint.workflow.runtime.Engagements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code blueprint engagement start REQUIREMENTS}. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description =
        "Validates a requirements file and starts its engagement (workflow id"
            + " engagement-<engagement.id>); refuses one that is already running.")
final class StartCommand extends ClientCommand {

  @Parameters(paramLabel = "REQUIREMENTS", description = "The requirements document (YAML).")
  Path requirements;

  @Option(
      names = "--auto-approve",
      description = "Approve the reviewed proposal without waiting for a person.")
  boolean autoApprove;

  @Option(
      names = "--remind-every",
      paramLabel = "DURATION",
      defaultValue = "PT24H",
      description = "Reminder period while a review waits, ISO-8601 (default ${DEFAULT-VALUE}).")
  Duration remindEvery;

  @Option(
      names = "--escalate-after",
      paramLabel = "N",
      defaultValue = "3",
      description = "Escalate after this many reminders (default ${DEFAULT-VALUE}).")
  int escalateAfter;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      description = "Wait up to this long for the engagement to end (ISO-8601, e.g. PT5M).")
  Duration wait;

  @Override
  Integer run(Engagements engagements) throws Exception {
    if (Files.isDirectory(requirements)) {
      throw new UserException(
          requirements + ": is a folder; start an engagement with its requirements file");
    }
    if (!Files.isRegularFile(requirements)) {
      throw new UserException(requirements + ": no such file");
    }
    LoadedBlueprint loaded = Validator.loadValid(requirements);
    if (loaded.blueprint().engagement() == null || loaded.blueprint().engagement().id() == null) {
      throw new UserException(requirements + ": engagement.id is required to start an engagement");
    }
    if (remindEvery.isNegative() || remindEvery.isZero() || escalateAfter < 1) {
      throw new UserException("--remind-every must be positive and --escalate-after at least 1");
    }
    String slug = loaded.blueprint().engagement().id();
    EngagementInput input =
        EngagementInput.of(
                slug,
                requirements.toAbsolutePath().normalize().toString(),
                Files.readString(requirements),
                autoApprove)
            .withReview(new ReviewPolicy(remindEvery.toSeconds(), escalateAfter));
    var execution = engagements.start(input);
    out()
        .println(
            "started engagement "
                + slug
                + " (workflow "
                + execution.getWorkflowId()
                + ", run "
                + execution.getRunId()
                + ")");
    if (!engagements.taken(slug)) {
      out()
          .println(
              "  no worker has taken it yet (none polls task queue "
                  + EngagementWorkflow.TASK_QUEUE
                  + "?): start 'blueprint up', or 'blueprint worker' against this server");
    }
    out().println("  follow it: blueprint engagement watch " + slug);
    out().flush();
    if (wait == null) {
      return Cli.OK;
    }
    EngagementResult result = engagements.awaitResult(slug, wait);
    ResultCommand.print(out(), result);
    return result.outcome() == dev.blueprint.workflow.api.Outcome.COMPLETED ? Cli.OK : Cli.FAILED;
  }
}
