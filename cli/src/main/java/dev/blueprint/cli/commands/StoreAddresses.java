package dev.blueprint.cli.commands;

import dev.blueprint.targets.stores.CassandraConnection;
import dev.blueprint.targets.stores.CassandraTarget;
import dev.blueprint.targets.stores.MongoConnection;
import dev.blueprint.targets.stores.MongoTarget;
import dev.blueprint.targets.stores.Neo4jConnection;
import dev.blueprint.targets.stores.Neo4jTarget;
import dev.blueprint.targets.stores.StoreTarget;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Cassandra, Neo4j and MongoDB targets named on a command line, for {@code storage} and for the
 * provisioning of {@code up} and {@code worker}. Credentials come from the environment as the
 * generated Makefile's clients take them (CASSANDRA_USER and CASSANDRA_PASSWORD, NEO4J_USER and
 * NEO4J_PASSWORD; MongoDB's are in its connection string). Each connection is checked here, so that
 * a wrong address is a usage error at once; a target is made per use, because it holds a driver.
 */
final class StoreAddresses {
  private StoreAddresses() {}

  /**
   * The targets for the addresses given (each may be null).
   *
   * @throws dev.blueprint.targets.TargetException for a malformed address
   * @throws IllegalArgumentException for an unknown or orphaned {@code --mongodb-without}
   */
  static List<Supplier<StoreTarget>> targets(
      String cassandra,
      String cassandraDatacenter,
      String neo4j,
      String mongodb,
      List<String> mongodbWithout) {
    if (mongodb == null && !mongodbWithout.isEmpty()) {
      throw new IllegalArgumentException("--mongodb-without needs --mongodb");
    }
    List<Supplier<StoreTarget>> out = new ArrayList<>();
    if (cassandra != null) {
      CassandraConnection c =
          new CassandraConnection(
              cassandra,
              cassandraDatacenter,
              System.getenv("CASSANDRA_USER"),
              System.getenv("CASSANDRA_PASSWORD"));
      out.add(() -> new CassandraTarget(c));
    }
    if (neo4j != null) {
      Neo4jConnection c =
          new Neo4jConnection(neo4j, System.getenv("NEO4J_USER"), System.getenv("NEO4J_PASSWORD"));
      out.add(() -> new Neo4jTarget(c));
    }
    if (mongodb != null) {
      EnumSet<MongoConnection.Without> without = EnumSet.noneOf(MongoConnection.Without.class);
      mongodbWithout.forEach(w -> without.add(MongoConnection.Without.parse(w)));
      MongoConnection c = new MongoConnection(mongodb, without);
      out.add(() -> new MongoTarget(c));
    }
    return out;
  }
}
