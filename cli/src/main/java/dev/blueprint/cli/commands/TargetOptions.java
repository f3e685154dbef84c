package dev.blueprint.cli.commands;

import dev.blueprint.cli.Cli;
import dev.blueprint.cli.UserException;
import dev.blueprint.targets.TargetException;
import dev.blueprint.targets.kafka.KafkaConnection;
import dev.blueprint.targets.storage.StorageConnection;
import dev.blueprint.workflow.activities.ProvisionPort;
import dev.blueprint.workflow.activities.TargetsProvisioner;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The optional targets a worker provisions and publishes to; none by default. */
public final class TargetOptions {

  @Option(
      names = "--kafka-bootstrap",
      paramLabel = "HOST:PORT",
      description =
          "Create the blueprint's topics on this cluster (env BLUEPRINT_KAFKA_BOOTSTRAP).")
  String kafkaBootstrap;

  @Option(
      names = "--kafka-command-config",
      paramLabel = "FILE",
      description = "Kafka client properties (security), as for Kafka's own tools.")
  Path kafkaConfig;

  @Option(
      names = "--postgres-url",
      paramLabel = "JDBC-URL",
      description = "Apply the blueprint's DDL to this database (env BLUEPRINT_POSTGRES_URL).")
  String postgresUrl;

  @Option(
      names = "--postgres-user",
      paramLabel = "USER",
      description = "Database user (env BLUEPRINT_POSTGRES_USER).")
  String postgresUser;

  @Option(
      names = "--git-remote",
      paramLabel = "URL",
      description =
          "Push published repositories here; {engagement} stands for the engagement id (env"
              + " BLUEPRINT_GIT_REMOTE).")
  String gitRemote;

  public String gitRemote() {
    return or(gitRemote, "BLUEPRINT_GIT_REMOTE");
  }

  /**
   * The provisioner for what is configured; the password comes from BLUEPRINT_POSTGRES_PASSWORD.
   */
  public ProvisionPort provisioner() {
    String bootstrap = or(kafkaBootstrap, "BLUEPRINT_KAFKA_BOOTSTRAP");
    String url = or(postgresUrl, "BLUEPRINT_POSTGRES_URL");
    if (bootstrap == null && url == null) {
      return ProvisionPort.NONE;
    }
    try {
      return new TargetsProvisioner(
          bootstrap == null
              ? null
              : KafkaConnection.of(bootstrap, Optional.ofNullable(kafkaConfig)),
          url == null
              ? null
              : new StorageConnection(
                  url,
                  or(postgresUser, "BLUEPRINT_POSTGRES_USER"),
                  System.getenv("BLUEPRINT_POSTGRES_PASSWORD")));
    } catch (TargetException e) {
      throw new UserException(e.getMessage(), Cli.USAGE);
    }
  }

  private static String or(String value, String env) {
    if (value != null && !value.isBlank()) {
      return value;
    }
    String e = System.getenv(env);
    return e == null || e.isBlank() ? null : e;
  }
}
