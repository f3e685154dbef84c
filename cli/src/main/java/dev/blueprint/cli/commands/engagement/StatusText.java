package dev.blueprint.cli.commands.engagement;

import dev.blueprint.workflow.api.DecisionRecord;
import dev.blueprint.workflow.api.EngagementStatus;
import dev.blueprint.workflow.api.Finding;
import dev.blueprint.workflow.api.Outcome;
import dev.blueprint.workflow.api.Step;
import dev.blueprint.workflow.api.StepProgress;
import dev.blueprint.workflow.api.StepState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/** An engagement's status as text. */
final class StatusText {
  private StatusText() {}

  static void print(PrintWriter out, EngagementStatus s) {
    out.println("engagement " + s.slug() + ": " + s.outcome() + ", step " + s.step());
    out.println("  revision " + s.revision());
    for (StepProgress p : s.steps()) {
      out.printf("  %-3s %-13s %-12s %s%n", mark(p.state()), p.step(), p.state(), p.note());
    }
    if (s.step() == Step.HUMAN_REVIEW && s.outcome() == Outcome.RUNNING) {
      long age = Math.max(0, System.currentTimeMillis() - s.reviewOpenedAtMillis());
      out.println(
          "  review open for "
              + human(Duration.ofMillis(age))
              + ", "
              + s.remindersSent()
              + " reminder(s) sent"
              + (s.escalated() ? ", escalated" : ""));
      out.println(
          "  decide: blueprint engagement approve|reject|request-changes|comment " + s.slug());
    }
    if (!s.findings().isEmpty()) {
      out.println("  open findings:");
      for (Finding f : s.findings()) {
        out.println("    " + f.format());
      }
    }
    if (!s.decisions().isEmpty()) {
      out.println("  history:");
      for (DecisionRecord d : s.decisions()) {
        out.println(
            "    "
                + Instant.ofEpochMilli(d.atMillis())
                + " r"
                + d.revision()
                + " "
                + d.kind()
                + ": "
                + d.text());
      }
    }
    if (!s.compensationsRun().isEmpty()) {
      out.println("  compensations run: " + String.join(", ", s.compensationsRun()));
    }
    if (s.failure() != null) {
      out.println("  failure: " + s.failure());
    }
    if (s.paths().workspace() != null) {
      out.println("  workspace: " + s.paths().workspace());
    }
    if (s.paths().report() != null) {
      out.println("  report: " + s.paths().report());
    }
    if (s.paths().repository() != null) {
      out.println("  repository: " + s.paths().repository());
    }
    out.flush();
  }

  static String mark(StepState state) {
    return switch (state) {
      case PENDING -> "[ ]";
      case RUNNING -> "[>]";
      case DONE -> "[x]";
      case SKIPPED -> "[-]";
      case FAILED -> "[!]";
      case COMPENSATED -> "[~]";
    };
  }

  static String human(Duration d) {
    if (d.toDays() > 0) {
      return d.toDays() + " d " + d.toHoursPart() + " h";
    }
    if (d.toHours() > 0) {
      return d.toHours() + " h " + d.toMinutesPart() + " min";
    }
    return d.toMinutes() + " min " + d.toSecondsPart() + " s";
  }
}
