package dev.blueprint.cli.commands.engagement;

import dev.blueprint.cli.Cli;
import dev.blueprint.workflow.runtime.Engagements;
import picocli.CommandLine.Command;

/** {@code blueprint engagement list}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists the engagements the server knows, newest first.")
final class ListCommand extends ClientCommand {

  @Override
  Integer run(Engagements engagements) {
    var all = engagements.list();
    if (all.isEmpty()) {
      out().println("no engagements on this server");
    } else {
      out().printf("%-32s %-15s %s%n", "ENGAGEMENT", "STATUS", "STARTED");
      // "(resumed)": restarted from its checkpoint after the in-memory server lost it
      for (var e : all) {
        out()
            .printf(
                "%-32s %-15s %s%n",
                e.slug(), e.status() + (e.resumed() ? " (resumed)" : ""), e.start());
      }
    }
    out().flush();
    return Cli.OK;
  }
}
