package dev.blueprint.cli.commands.engagement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.blueprint.cli.Cli;
import dev.blueprint.workflow.api.EngagementStatus;
import dev.blueprint.workflow.runtime.Engagements;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code blueprint engagement status ID}. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Shows an engagement's step, revision, open findings, review age, reminders, history and"
            + " compensations.")
final class StatusCommand extends ClientCommand {

  /** Output formats. */
  enum Format {
    TEXT,
    JSON
  }

  @Parameters(paramLabel = "ID", description = "The engagement id (engagement.id).")
  String id;

  @Option(
      names = "--format",
      defaultValue = "TEXT",
      description = "TEXT or JSON (default ${DEFAULT-VALUE}).")
  Format format;

  @Override
  Integer run(Engagements engagements) throws Exception {
    EngagementStatus s = engagements.status(id);
    if (format == Format.JSON) {
      out()
          .println(
              new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(s));
      out().flush();
    } else {
      StatusText.print(out(), s);
    }
    return Cli.OK;
  }
}
