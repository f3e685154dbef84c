package dev.blueprint.cli.commands;

import dev.blueprint.cli.UserException;
import dev.blueprint.core.ddl.PostgresDdl;
import dev.blueprint.core.ddl.SqlStatement;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.validate.Validator;
import dev.blueprint.targets.TargetException;
import dev.blueprint.targets.storage.StorageApplier;
import dev.blueprint.targets.storage.StorageApplyResult;
import dev.blueprint.targets.storage.StorageConnection;
import dev.blueprint.targets.storage.StoragePlan;
import dev.blueprint.targets.storage.StoragePlanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code blueprint storage plan|apply}: the blueprint's PostgreSQL DDL on a real database. */
@Command(
    name = "storage",
    mixinStandardHelpOptions = true,
    description =
        "Compares the blueprint's PostgreSQL tables with a database, and applies the DDL.",
    subcommands = {StorageCommand.Plan.class, StorageCommand.Apply.class})
public final class StorageCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required: plan or apply");
  }

  /** Options both subcommands take. */
  public static final class Target {
    @Parameters(index = "0", paramLabel = "BLUEPRINT", description = "The blueprint file.")
    Path blueprint;

    @Option(
        names = "--jdbc-url",
        required = true,
        paramLabel = "URL",
        description = "jdbc:postgresql://HOST:PORT/DATABASE")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "USER", description = "Database user (default: PGUSER).")
    String user;

    @Option(
        names = "--password",
        paramLabel = "PASSWORD",
        description = "Database password (default: PGPASSWORD; prefer the variable).")
    String password;

    @Option(names = "--verbose", description = "Print stack traces of unexpected failures.")
    boolean verbose;

    List<SqlStatement> ddl() throws ProblemException {
      return PostgresDdl.of(Validator.loadValid(blueprint).blueprint());
    }

    StorageConnection connection() {
      return new StorageConnection(
          jdbcUrl,
          user != null ? user : System.getenv("PGUSER"),
          password != null ? password : System.getenv("PGPASSWORD"));
    }
  }

  /** {@code blueprint storage plan}: exit 0 in sync, 2 changes, 1 error. */
  @Command(
      name = "plan",
      mixinStandardHelpOptions = true,
      description = "Shows which schemas, tables and indexes exist and which apply will create.",
      footerHeading = "%nExit codes:%n",
      footer = {"  0 in sync, 2 changes to apply, 1 error"})
  public static final class Plan implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Target target;

    @Override
    public Integer call() throws ProblemException {
      List<SqlStatement> ddl = target.ddl();
      try {
        StoragePlan plan = new StoragePlanner(target.connection()).plan(ddl);
        spec.commandLine().getOut().print(plan.text());
        spec.commandLine().getOut().flush();
        return plan.hasChanges() ? 2 : 0;
      } catch (TargetException e) {
        throw new UserException(e.getMessage());
      }
    }
  }

  /** {@code blueprint storage apply}: the whole DDL in one transaction. */
  @Command(
      name = "apply",
      mixinStandardHelpOptions = true,
      description =
          "Applies the blueprint's PostgreSQL DDL in one transaction (all or nothing). Idempotent.")
  public static final class Apply implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Target target;

    @Override
    public Integer call() throws ProblemException {
      List<SqlStatement> ddl = target.ddl();
      PrintWriter out = spec.commandLine().getOut();
      try {
        StorageConnection c = target.connection();
        out.print(new StoragePlanner(c).plan(ddl).text());
        StorageApplyResult result = new StorageApplier(c).apply(ddl);
        for (SqlStatement s : result.created()) {
          out.println(
              "created "
                  + s.kind().toLowerCase(Locale.ROOT)
                  + " "
                  + (s.kind().equals("SCHEMA") ? s.name() : s.schema() + "." + s.name()));
        }
        out.println(
            "Applied "
                + result.executed()
                + " statements in one transaction; "
                + result.created().size()
                + " objects created.");
        out.flush();
        return 0;
      } catch (TargetException e) {
        throw new UserException(e.getMessage());
      }
    }
  }
}
