package dev.blueprint.cli.commands.engagement;

import dev.blueprint.cli.Cli;
import dev.blueprint.workflow.api.EngagementStatus;
import dev.blueprint.workflow.api.Outcome;
import dev.blueprint.workflow.api.StepProgress;
import dev.blueprint.workflow.api.StepState;
import dev.blueprint.workflow.runtime.Engagements;
import dev.blueprint.workflow.runtime.NoAnswerException;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code blueprint engagement watch ID}: live progress until the engagement ends. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description =
        "Follows an engagement's steps until it ends: a progress line redrawn in place on a"
            + " terminal, one line per change otherwise.")
final class WatchCommand extends ClientCommand {

  @Parameters(paramLabel = "ID", description = "The engagement id.")
  String id;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "PT1S",
      description = "How often to ask (default ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(names = "--plain", description = "One line per change even on a terminal.")
  boolean plain;

  @Override
  Integer run(Engagements engagements) throws Exception {
    boolean tty = !plain && System.console() != null;
    PrintWriter out = out();
    String last = null;
    while (true) {
      EngagementStatus s;
      try {
        s = engagements.status(id);
      } catch (NoAnswerException e) {
        // watching is waiting: say why once, and keep asking
        String line = "waiting: " + e.getMessage();
        if (!line.equals(last)) {
          out.println(line);
          out.flush();
        }
        last = line;
        Thread.sleep(interval.toMillis());
        continue;
      }
      String line = line(s);
      if (tty) {
        out.print("\r\033[2K" + line);
        out.flush();
      } else if (!line.equals(last)) {
        out.println(line);
        out.flush();
      }
      last = line;
      if (s.outcome().isFinal()) {
        if (tty) {
          out.println();
        }
        StatusText.print(out, s);
        return s.outcome() == Outcome.COMPLETED ? Cli.OK : Cli.FAILED;
      }
      Thread.sleep(interval.toMillis());
    }
  }

  /** E.g. {@code [x][x][x][>][ ][ ][ ] HUMAN_REVIEW r1: revision 1 (2 reminders)}. */
  static String line(EngagementStatus s) {
    StringBuilder b = new StringBuilder();
    for (StepProgress p : s.steps()) {
      b.append(StatusText.mark(p.state()));
    }
    b.append(' ');
    if (s.outcome().isFinal()) {
      b.append(s.outcome());
    } else {
      b.append(s.step()).append(" r").append(s.revision());
      s.steps().stream()
          .filter(p -> p.step() == s.step() && p.state() == StepState.RUNNING)
          .findFirst()
          .filter(p -> !p.note().isEmpty())
          .ifPresent(p -> b.append(": ").append(p.note()));
      if (s.remindersSent() > 0) {
        b.append(" (").append(s.remindersSent()).append(" reminders)");
      }
    }
    return b.toString();
  }
}
