package dev.blueprint.cli.commands.engagement;

import dev.blueprint.cli.Cli;
import dev.blueprint.cli.UserException;
import dev.blueprint.cli.commands.ConnectionOptions;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.workflow.api.DecisionRecord;
import dev.blueprint.workflow.api.DecisionRequest;
import dev.blueprint.workflow.api.EngagementWorkflow;
import dev.blueprint.workflow.runtime.Connection;
import dev.blueprint.workflow.runtime.EngagementException;
import dev.blueprint.workflow.runtime.Engagements;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every engagement subcommand shares: the connection and the error translation. */
abstract class ClientCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Option(names = "--verbose", description = "Print stack traces of unexpected failures.")
  boolean verbose;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "PT10S",
      description =
          "How long to wait for the engagement to answer (ISO-8601; default ${DEFAULT-VALUE})."
              + " With no worker running it says so then; a decision not confirmed in time is"
              + " not applied, now or later.")
  Duration timeout;

  @Override
  public final Integer call() throws Exception {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new UserException("--timeout must be positive, e.g. PT30S", Cli.USAGE);
    }
    Connection c = connection.connection();
    WorkflowServiceStubs stubs = c.stubs(timeout);
    try {
      return run(new Engagements(c.client(stubs), EngagementWorkflow.TASK_QUEUE, timeout));
    } catch (EngagementException e) {
      throw new UserException(e.getMessage());
    } finally {
      stubs.shutdown();
    }
  }

  abstract Integer run(Engagements engagements) throws Exception;

  /**
   * Sends a decision with this command's deadline. Stopped before the answer (Ctrl-C), it says
   * plainly what becomes of the decision: applied only if a worker takes it before the deadline.
   */
  DecisionRecord decide(Engagements engagements, String slug, DecisionRequest request) {
    return decide(engagements, slug, request, amended -> {});
  }

  /**
   * The same; {@code beforeSending} as in {@link Engagements#decide(String, DecisionRequest,
   * Consumer)}.
   */
  DecisionRecord decide(
      Engagements engagements,
      String slug,
      DecisionRequest request,
      Consumer<Blueprint> beforeSending) {
    long notAfter = System.currentTimeMillis() + timeout.toMillis();
    PrintWriter err = spec.commandLine().getErr();
    Thread interrupted =
        new Thread(
            () -> {
              err.println(
                  "interrupted before engagement "
                      + slug
                      + " confirmed the decision: a worker that takes it by "
                      + Instant.ofEpochMilli(notAfter)
                      + " applies it, one that takes it later refuses it; 'blueprint engagement"
                      + " status "
                      + slug
                      + "' shows whether it was applied");
              err.flush();
            },
            "decision-interrupted");
    Runtime.getRuntime().addShutdownHook(interrupted);
    try {
      return engagements.decide(slug, request.notAfter(notAfter), beforeSending);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(interrupted);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs: the JVM is exiting
      }
    }
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
