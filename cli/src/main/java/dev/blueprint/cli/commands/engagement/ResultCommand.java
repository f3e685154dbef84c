package dev.blueprint.cli.commands.engagement;

import dev.blueprint.cli.Cli;
import dev.blueprint.cli.UserException;
import dev.blueprint.workflow.api.EngagementResult;
import dev.blueprint.workflow.api.Outcome;
import dev.blueprint.workflow.runtime.Engagements;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code blueprint engagement result ID}: where the repository and report are. */
@Command(
    name = "result",
    mixinStandardHelpOptions = true,
    description = "Shows how an engagement ended and where its repository and report are.")
final class ResultCommand extends ClientCommand {

  @Parameters(paramLabel = "ID", description = "The engagement id.")
  String id;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      defaultValue = "PT0S",
      description = "Wait up to this long for it to end (ISO-8601, e.g. PT5M; default: no wait).")
  Duration wait;

  @Override
  Integer run(Engagements engagements) {
    try {
      if (wait.isZero() && engagements.isRunning(id)) {
        throw new TimeoutException();
      }
      EngagementResult r =
          engagements.awaitResult(id, wait.isZero() ? Duration.ofSeconds(30) : wait);
      print(out(), r);
      return r.outcome() == Outcome.COMPLETED ? Cli.OK : Cli.FAILED;
    } catch (TimeoutException e) {
      var s = engagements.status(id);
      throw new UserException(
          "engagement "
              + id
              + " is still running (step "
              + s.step()
              + ", revision "
              + s.revision()
              + ")");
    }
  }

  static void print(PrintWriter out, EngagementResult r) {
    out.println("engagement " + r.slug() + ": " + r.outcome() + " (revision " + r.revision() + ")");
    if (r.paths().repository() != null) {
      out.println("  repository: " + r.paths().repository());
    }
    if (r.paths().remote() != null) {
      out.println("  pushed to:  " + r.paths().remote());
    }
    if (r.paths().report() != null && r.outcome() == Outcome.COMPLETED) {
      out.println("  report:     " + r.paths().report());
    }
    if (r.paths().workspace() != null && r.outcome() == Outcome.COMPLETED) {
      out.println("  workspace:  " + r.paths().workspace());
    }
    if (!r.compensationsRun().isEmpty()) {
      out.println("  compensations run: " + String.join(", ", r.compensationsRun()));
    }
    out.flush();
  }
}
