package dev.blueprint.cli.commands;

import dev.blueprint.cli.Cli;
import dev.blueprint.cli.UserException;
import dev.blueprint.core.kafka.TopicSpecs;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.validate.Validator;
import dev.blueprint.targets.TargetException;
import dev.blueprint.targets.kafka.KafkaApplier;
import dev.blueprint.targets.kafka.KafkaApplyResult;
import dev.blueprint.targets.kafka.KafkaConnection;
import dev.blueprint.targets.kafka.KafkaPlan;
import dev.blueprint.targets.kafka.KafkaPlanFormat;
import dev.blueprint.targets.kafka.KafkaPlanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code blueprint kafka plan|apply}: the blueprint's topics on a real cluster. */
@Command(
    name = "kafka",
    mixinStandardHelpOptions = true,
    description = "Compares the blueprint's Kafka topics with a cluster, and applies the plan.",
    subcommands = {KafkaCommand.Plan.class, KafkaCommand.Apply.class})
public final class KafkaCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required: plan or apply");
  }

  /** The output formats of a plan. */
  public enum Format {
    text,
    json
  }

  /** Options both subcommands take. */
  public static final class Target {
    @Parameters(index = "0", paramLabel = "BLUEPRINT", description = "The blueprint file.")
    Path blueprint;

    @Option(
        names = "--bootstrap-server",
        required = true,
        paramLabel = "HOST:PORT",
        description = "The cluster's bootstrap servers, comma-separated.")
    String bootstrapServer;

    @Option(
        names = "--command-config",
        paramLabel = "FILE",
        description = "Client properties (SASL, TLS, ...) as for Kafka's own tools.")
    Path commandConfig;

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        defaultValue = "10",
        description = "How long one call to the cluster may take (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(
        names = "--allow-delete",
        description =
            "Delete topics this blueprint created that it no longer describes (never others).")
    boolean allowDelete;

    @Option(
        names = "--format",
        defaultValue = "text",
        paramLabel = "FORMAT",
        description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--verbose", description = "Print stack traces of unexpected failures.")
    boolean verbose;

    Blueprint load() throws ProblemException {
      return Validator.loadValid(blueprint).blueprint();
    }

    KafkaConnection connection() {
      return KafkaConnection.of(bootstrapServer, Optional.ofNullable(commandConfig))
          .withTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)));
    }

    KafkaPlan plan(Blueprint b) {
      return new KafkaPlanner(connection())
          .plan(TopicSpecs.of(b), b.engagement().id(), allowDelete);
    }

    void print(PrintWriter out, KafkaPlan plan) {
      out.print(format == Format.json ? KafkaPlanFormat.json(plan) : KafkaPlanFormat.text(plan));
      out.flush();
    }
  }

  /**
   * {@code blueprint kafka plan}: exit 0 when the plan was made, 1 on an error or refusal; with
   * {@code --detailed-exitcode}, 3 when there are changes to apply.
   */
  @Command(
      name = "plan",
      mixinStandardHelpOptions = true,
      description = {
        "Shows the topics to create, partitions to increase, topic configs to set or remove, and"
            + " refuses up front what cannot be applied. Changes nothing on the cluster.",
      },
      footerHeading = "%nExit codes:%n",
      footer = {
        "  0 the plan was made (in sync or not), 1 error or refused, 2 wrong command line;"
            + " with --detailed-exitcode: 0 in sync, 3 changes to apply"
      })
  public static final class Plan implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Target target;

    @Option(
        names = "--detailed-exitcode",
        description =
            "Exit 3 when there are changes to apply and 0 only when the cluster is in sync, for"
                + " scripts (like terraform plan -detailed-exitcode).")
    boolean detailedExitCode;

    @Override
    public Integer call() throws ProblemException {
      Blueprint b = target.load();
      KafkaPlan plan;
      try {
        plan = target.plan(b);
      } catch (TargetException e) {
        throw new UserException(e.getMessage());
      }
      target.print(spec.commandLine().getOut(), plan);
      if (plan.isRefused()) {
        return 1;
      }
      return detailedExitCode && plan.hasChanges() ? Cli.CHANGES : Cli.OK;
    }
  }

  /** {@code blueprint kafka apply}: applies exactly the plan it shows. */
  @Command(
      name = "apply",
      mixinStandardHelpOptions = true,
      description = {
        "Plans, then applies exactly that plan: creates topics, increases partitions, sets or"
            + " removes topic configs; deletes only with --allow-delete and only topics this"
            + " blueprint created. A second run reports no changes.",
      })
  public static final class Apply implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Target target;

    @Override
    public Integer call() throws ProblemException {
      Blueprint b = target.load();
      PrintWriter out = spec.commandLine().getOut();
      try {
        KafkaPlan plan = target.plan(b);
        target.print(out, plan);
        if (plan.isRefused()) {
          throw new UserException("the plan is refused; nothing was applied");
        }
        KafkaApplyResult result = new KafkaApplier(target.connection()).apply(plan);
        if (target.format == Format.text) {
          if (result.isEmpty()) {
            out.println("Nothing to apply.");
          }
          result.applied().forEach(line -> out.println("applied: " + line));
        }
        out.flush();
        return 0;
      } catch (TargetException e) {
        throw new UserException(e.getMessage());
      }
    }
  }
}
