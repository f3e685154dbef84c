package dev.blueprint.cli.commands;

import dev.blueprint.cli.Cli;
import dev.blueprint.cli.UserException;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.validate.Validator;
import dev.blueprint.targets.TargetException;
import dev.blueprint.targets.storage.PostgresTarget;
import dev.blueprint.targets.storage.StorageConnection;
import dev.blueprint.targets.stores.CassandraConnection;
import dev.blueprint.targets.stores.StoreApplyResult;
import dev.blueprint.targets.stores.StoreObject;
import dev.blueprint.targets.stores.StorePlan;
import dev.blueprint.targets.stores.StoreTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code blueprint storage plan|apply}: the blueprint's PostgreSQL, Cassandra, Neo4j and MongoDB
 * objects on real stores, with one guarantee for all: plan first, never replace what blueprint did
 * not create, and leave nothing of a failed apply behind.
 */
@Command(
    name = "storage",
    mixinStandardHelpOptions = true,
    description = {
      "Compares the blueprint's storage objects with real stores, and creates what is missing.",
      "",
      "Name one address per store family; every object of that family in the blueprint is"
          + " planned there: PostgreSQL schemas, tables and indexes (--jdbc-url), Cassandra"
          + " keyspaces and tables (--cassandra), Neo4j constraints and indexes (--neo4j),"
          + " MongoDB collections and indexes (--mongodb).",
      "",
      "Neo4j's user and password come from NEO4J_USER and NEO4J_PASSWORD, Cassandra's from"
          + " CASSANDRA_USER and CASSANDRA_PASSWORD, PostgreSQL's from PGUSER and PGPASSWORD."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  blueprint storage plan bp.yaml --jdbc-url jdbc:postgresql://db:5432/app",
      "  blueprint storage apply bp.yaml --neo4j neo4j://graph:7687",
      "  blueprint storage apply bp.yaml --cassandra c1:9042,c2:9042 \\",
      "      --cassandra-datacenter eu-west",
      "  blueprint storage apply bp.yaml --mongodb mongodb://docs:27017 \\",
      "      --mongodb-without validator,ttl"
    },
    subcommands = {StorageCommand.Plan.class, StorageCommand.Apply.class})
public final class StorageCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required: plan or apply");
  }

  /** Options both subcommands take: the blueprint and where each store is. */
  public static final class Target {
    @Parameters(index = "0", paramLabel = "BLUEPRINT", description = "The blueprint file.")
    Path blueprint;

    @Option(
        names = "--jdbc-url",
        paramLabel = "URL",
        description = "PostgreSQL: jdbc:postgresql://HOST:PORT/DATABASE")
    String jdbcUrl;

    @Option(
        names = "--user",
        paramLabel = "USER",
        description = "PostgreSQL user (default: PGUSER).")
    String user;

    @Option(
        names = "--password",
        paramLabel = "PASSWORD",
        description = "PostgreSQL password (default: PGPASSWORD; prefer the variable).")
    String password;

    @Option(
        names = "--cassandra",
        paramLabel = "HOST:PORT[,HOST:PORT...]",
        description =
            "Cassandra contact points; user and password from CASSANDRA_USER and"
                + " CASSANDRA_PASSWORD, if set.")
    String cassandra;

    @Option(
        names = "--cassandra-datacenter",
        paramLabel = "DC",
        defaultValue = CassandraConnection.DEFAULT_DATACENTER,
        description =
            "The local data centre (nodetool status shows it); keyspaces are replicated there."
                + " Default: ${DEFAULT-VALUE}.")
    String cassandraDatacenter;

    @Option(
        names = "--neo4j",
        paramLabel = "URI",
        description =
            "Neo4j: neo4j://HOST:PORT or bolt://HOST:PORT; user and password from NEO4J_USER"
                + " and NEO4J_PASSWORD, as the generated Makefile's cypher-shell takes them.")
    String neo4j;

    @Option(
        names = "--mongodb",
        paramLabel = "URI",
        description = "MongoDB connection string: mongodb://[USER:PASSWORD@]HOST:PORT[/?OPTIONS]")
    String mongodb;

    @Option(
        names = "--mongodb-without",
        paramLabel = "OPTION",
        split = ",",
        description =
            "Leave out what the MongoDB-compatible server does not implement: validator, ttl"
                + " (e.g. FerretDB). The plan lists what is left out.")
    List<String> mongodbWithout = new ArrayList<>();

    @Option(names = "--verbose", description = "Print stack traces of unexpected failures.")
    boolean verbose;

    Blueprint load() throws ProblemException {
      return Validator.loadValid(blueprint).blueprint();
    }

    /** The stores named on the command line, in a fixed order; at least one. */
    List<StoreTarget> targets(CommandSpec spec) {
      if (jdbcUrl == null && cassandra == null && neo4j == null && mongodb == null) {
        throw new ParameterException(
            spec.commandLine(),
            "name at least one store: --jdbc-url, --cassandra, --neo4j or --mongodb");
      }
      try {
        List<StoreTarget> out = new ArrayList<>();
        if (jdbcUrl != null) {
          out.add(
              new PostgresTarget(
                  new StorageConnection(
                      jdbcUrl,
                      user != null ? user : System.getenv("PGUSER"),
                      password != null ? password : System.getenv("PGPASSWORD"))));
        }
        StoreAddresses.targets(cassandra, cassandraDatacenter, neo4j, mongodb, mongodbWithout)
            .forEach(t -> out.add(t.get()));
        return out;
      } catch (TargetException | IllegalArgumentException e) {
        throw new UserException(e.getMessage(), Cli.USAGE);
      }
    }

    /**
     * The named stores that the blueprint has objects for; a note for each that it has none for.
     */
    List<StoreTarget> relevant(List<StoreTarget> all, Blueprint b, PrintWriter out) {
      List<StoreTarget> used = new ArrayList<>();
      for (StoreTarget t : all) {
        if (t.hasObjects(b)) {
          used.add(t);
        } else {
          out.println("The blueprint has no " + t.store() + " objects: nothing to do there.");
        }
      }
      return used;
    }
  }

  static void closeAll(List<StoreTarget> targets) {
    targets.forEach(StoreTarget::close);
  }

  /**
   * {@code blueprint storage plan}: exit 0 when the plan was made, 1 on an error; with {@code
   * --detailed-exitcode}, 3 when there are changes, as {@code kafka plan} (2 is a wrong command
   * line everywhere).
   */
  @Command(
      name = "plan",
      mixinStandardHelpOptions = true,
      description = {
        "Shows, per store, which of the blueprint's objects exist, which apply will create, and"
            + " which exist defined otherwise (apply refuses those). Only reads."
      },
      footerHeading = "%nExit codes:%n",
      footer = {
        "  0 the plan was made (in sync or not), 1 error, 2 wrong command line;"
            + " with --detailed-exitcode: 0 in sync, 3 changes to apply"
      })
  public static final class Plan implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Target target;

    @Option(
        names = "--detailed-exitcode",
        description =
            "Exit 3 when there are changes to apply and 0 only when every store is in sync, for"
                + " scripts (like terraform plan -detailed-exitcode).")
    boolean detailedExitCode;

    @Override
    public Integer call() throws ProblemException {
      Blueprint b = target.load();
      PrintWriter out = spec.commandLine().getOut();
      List<StoreTarget> all = target.targets(spec);
      try {
        boolean changes = false;
        for (StoreTarget t : target.relevant(all, b, out)) {
          StorePlan plan = t.plan(b);
          out.print(plan.text());
          out.flush();
          changes |= plan.hasChanges();
        }
        return detailedExitCode && changes ? Cli.CHANGES : Cli.OK;
      } catch (TargetException e) {
        throw new UserException(e.getMessage());
      } finally {
        closeAll(all);
      }
    }
  }

  /** {@code blueprint storage apply}: every named store, or none. */
  @Command(
      name = "apply",
      mixinStandardHelpOptions = true,
      description = {
        "Creates the blueprint's missing objects in every named store. Idempotent.",
        "",
        "Plans every store first and changes nothing while any object exists defined otherwise."
            + " PostgreSQL applies in one transaction and Neo4j in one per database; Cassandra and"
            + " MongoDB have no transactional DDL, so a failure drops what the run had created."
            + " When a later store fails, what the earlier ones created is dropped too."
      })
  public static final class Apply implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Target target;

    @Override
    public Integer call() throws ProblemException {
      Blueprint b = target.load();
      PrintWriter out = spec.commandLine().getOut();
      List<StoreTarget> all = target.targets(spec);
      Map<StoreTarget, List<StoreObject>> created = new LinkedHashMap<>();
      try {
        List<StoreTarget> used = target.relevant(all, b, out);
        List<String> conflicts = new ArrayList<>();
        for (StoreTarget t : used) {
          StorePlan plan = t.plan(b);
          out.print(plan.text());
          plan.conflicts()
              .forEach(
                  i -> conflicts.add(t.store() + " " + i.object().label() + ": " + i.detail()));
        }
        out.flush();
        if (!conflicts.isEmpty()) {
          throw new UserException(
              "nothing was applied: objects of the blueprint's names or definitions exist defined"
                  + " otherwise, and blueprint never replaces what it did not create; rename or"
                  + " drop them first:\n  "
                  + String.join("\n  ", conflicts));
        }
        for (StoreTarget t : used) {
          StoreApplyResult r = t.apply(b);
          created.put(t, r.created());
          for (StoreObject o : r.created()) {
            out.println("created " + t.store() + " " + o.label());
          }
          out.println(
              t.store()
                  + " at "
                  + t.where()
                  + ": "
                  + r.created().size()
                  + " objects created, "
                  + r.existing()
                  + " existing"
                  + (t instanceof PostgresTarget ? " (one transaction)." : "."));
          out.flush();
        }
        return 0;
      } catch (TargetException e) {
        throw new UserException(e.getMessage() + undoEarlier(created));
      } finally {
        closeAll(all);
      }
    }

    /** Drops what the stores before the failed one created; says what it did. */
    private static String undoEarlier(Map<StoreTarget, List<StoreObject>> created) {
      StringBuilder sb = new StringBuilder();
      created.forEach(
          (t, objects) -> {
            if (objects.isEmpty()) {
              return;
            }
            try {
              int n = t.dropCreated(objects).size();
              sb.append("\n")
                  .append(t.store())
                  .append(": the ")
                  .append(n)
                  .append(" objects this run had created were dropped.");
            } catch (TargetException e) {
              sb.append("\n")
                  .append(t.store())
                  .append(": dropping what this run had created failed (")
                  .append(e.getMessage())
                  .append("); it still has: ");
              objects.forEach(o -> sb.append("\n  ").append(o.label()));
            }
          });
      return sb.toString();
    }
  }
}
