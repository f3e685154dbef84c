package dev.blueprint.cli.commands;

import dev.blueprint.cli.Cli;
import dev.blueprint.cli.UserException;
import dev.blueprint.targets.TargetException;
import dev.blueprint.targets.kafka.KafkaConnection;
import dev.blueprint.targets.storage.StorageConnection;
import dev.blueprint.targets.stores.StoreTarget;
import dev.blueprint.workflow.activities.ProvisionPort;
import dev.blueprint.workflow.activities.TargetsProvisioner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
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
      names = "--cassandra",
      paramLabel = "HOST:PORT[,...]",
      description =
          "Create the blueprint's keyspaces and tables on this Cassandra cluster (env"
              + " BLUEPRINT_CASSANDRA; user and password from CASSANDRA_USER, CASSANDRA_PASSWORD).")
  String cassandra;

  @Option(
      names = "--cassandra-datacenter",
      paramLabel = "DC",
      description = "Cassandra's local data centre (env BLUEPRINT_CASSANDRA_DATACENTER).")
  String cassandraDatacenter;

  @Option(
      names = "--neo4j",
      paramLabel = "URI",
      description =
          "Create the blueprint's constraints and indexes on this Neo4j server (env"
              + " BLUEPRINT_NEO4J; user and password from NEO4J_USER, NEO4J_PASSWORD).")
  String neo4j;

  @Option(
      names = "--mongodb",
      paramLabel = "URI",
      description =
          "Create the blueprint's collections and indexes on this MongoDB (env BLUEPRINT_MONGODB).")
  String mongodb;

  @Option(
      names = "--mongodb-without",
      paramLabel = "OPTION",
      split = ",",
      description = "Leave out what the MongoDB-compatible server lacks: validator, ttl.")
  List<String> mongodbWithout = new ArrayList<>();

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
    try {
      List<Supplier<StoreTarget>> stores = stores();
      if (bootstrap == null && url == null && stores.isEmpty()) {
        return ProvisionPort.NONE;
      }
      return new TargetsProvisioner(
          bootstrap == null
              ? null
              : KafkaConnection.of(bootstrap, Optional.ofNullable(kafkaConfig)),
          url == null
              ? null
              : new StorageConnection(
                  url,
                  or(postgresUser, "BLUEPRINT_POSTGRES_USER"),
                  System.getenv("BLUEPRINT_POSTGRES_PASSWORD")),
          stores);
    } catch (TargetException | IllegalArgumentException e) {
      throw new UserException(e.getMessage(), Cli.USAGE);
    }
  }

  /** The Cassandra, Neo4j and MongoDB targets configured, by option or variable. */
  private List<Supplier<StoreTarget>> stores() {
    return StoreAddresses.targets(
        or(cassandra, "BLUEPRINT_CASSANDRA"),
        or(cassandraDatacenter, "BLUEPRINT_CASSANDRA_DATACENTER"),
        or(neo4j, "BLUEPRINT_NEO4J"),
        or(mongodb, "BLUEPRINT_MONGODB"),
        mongodbWithout);
  }

  private static String or(String value, String env) {
    if (value != null && !value.isBlank()) {
      return value;
    }
    String e = System.getenv(env);
    return e == null || e.isBlank() ? null : e;
  }
}
