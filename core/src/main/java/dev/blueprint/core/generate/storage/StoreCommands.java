package dev.blueprint.core.generate.storage;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How each generated DDL file is applied: the client, its arguments and the environment variable
 * that holds the connection. One variable per database or cluster, because a blueprint's datasets
 * of different domains should not share one. Names reach the shell only as sanitised file and
 * variable names, never as user text.
 */
public final class StoreCommands {
  private static final Pattern NOT_UPPER_WORD = Pattern.compile("[^A-Z0-9]");

  private StoreCommands() {}

  /**
   * One way of applying a file.
   *
   * @param store PostgreSQL, Apache Cassandra, Neo4j or MongoDB
   * @param database the database, keyspace or cluster it targets
   * @param file the generated file
   * @param variable the environment variable with the connection, e.g. PG_URL_MARKETING_REPORTING
   * @param example an example value of the variable
   * @param shell the command for a shell
   * @param make the same command for a Makefile recipe: the shell reads the variable ($$), so that
   *     make never pastes a connection string into the recipe's text
   * @param target the Makefile target, e.g. ddl-postgres-marketing_reporting
   */
  public record Command(
      String store,
      String database,
      String file,
      String variable,
      String example,
      String shell,
      String make,
      String target) {}

  public static Command postgres(String database, String file) {
    String v = variable("PG_URL", database);
    return command(
        "PostgreSQL",
        database,
        file,
        v,
        "postgresql://USER@HOST:5432/" + database,
        "psql \"%s\" -v ON_ERROR_STOP=1 -f " + file,
        "ddl-postgres-" + database);
  }

  public static Command cassandra(String keyspace, String file) {
    String v = variable("CASSANDRA_HOST", keyspace);
    return command(
        "Apache Cassandra",
        keyspace,
        file,
        v,
        "cassandra-1.example.internal",
        "cqlsh \"%s\" -f " + file,
        "ddl-cassandra-" + keyspace);
  }

  public static Command neo4j(String database, String file) {
    String v = variable("NEO4J_URI", database);
    return new Command(
        "Neo4j",
        database,
        file,
        v,
        "neo4j://neo4j-1.example.internal:7687",
        "cypher-shell -a \"$"
            + v
            + "\" -u \"$NEO4J_USER\" -p \"$NEO4J_PASSWORD\" -d "
            + database
            + " -f "
            + file,
        "cypher-shell -a \"$$"
            + v
            + "\" -u \"$$NEO4J_USER\" -p \"$$NEO4J_PASSWORD\" -d "
            + database
            + " -f "
            + file,
        "ddl-neo4j-" + database);
  }

  public static Command mongodb(String database, String file) {
    String v = variable("MONGODB_URI", database);
    return command(
        "MongoDB",
        database,
        file,
        v,
        "mongodb://USER@HOST:27017",
        "mongosh \"%s\" --file " + file,
        "ddl-mongodb-" + database);
  }

  private static Command command(
      String store,
      String database,
      String file,
      String variable,
      String example,
      String pattern,
      String target) {
    return new Command(
        store,
        database,
        file,
        variable,
        example,
        String.format(Locale.ROOT, pattern, "$" + variable),
        String.format(Locale.ROOT, pattern, "$$" + variable),
        target);
  }

  /** PREFIX_DATABASE in upper case, other characters as '_'. */
  static String variable(String prefix, String database) {
    return prefix + "_" + NOT_UPPER_WORD.matcher(database.toUpperCase(Locale.ROOT)).replaceAll("_");
  }
}
