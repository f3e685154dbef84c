package dev.blueprint.cli.commands.engagement;

import dev.blueprint.cli.UserException;
import dev.blueprint.cli.commands.ConnectionOptions;
import dev.blueprint.workflow.runtime.Connection;
import dev.blueprint.workflow.runtime.EngagementException;
import dev.blueprint.workflow.runtime.Engagements;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
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

  @Override
  public final Integer call() throws Exception {
    Connection c = connection.connection();
    WorkflowServiceStubs stubs = c.stubs();
    try {
      return run(new Engagements(c.client(stubs)));
    } catch (EngagementException e) {
      throw new UserException(e.getMessage());
    } finally {
      stubs.shutdown();
    }
  }

  abstract Integer run(Engagements engagements) throws Exception;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
