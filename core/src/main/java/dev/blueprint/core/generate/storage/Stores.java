package dev.blueprint.core.generate.storage;

import dev.blueprint.core.ddl.PostgresDdl;
import dev.blueprint.core.generate.Naming;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.StoreFamily;

/** Where each store family's dataset lives and which generated file creates it. */
public final class Stores {
  private Stores() {}

  /** The technology the generated files target for a store family. */
  public static String technology(StoreFamily store) {
    if (store == null) {
      return "unspecified";
    }
    return switch (store) {
      case RELATIONAL -> "PostgreSQL";
      case DOCUMENT -> "MongoDB";
      case KEY_VALUE -> "Redis";
      case WIDE_COLUMN -> "Apache Cassandra";
      case GRAPH -> "Neo4j";
      case OBJECT_STORAGE -> "object storage (lake)";
    };
  }

  /** The model's spelling of a store family, e.g. wide-column. */
  public static String family(StoreFamily store) {
    return store == null
        ? "unspecified"
        : store.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** The Cassandra keyspace of a wide-column dataset: its database (as {@link Naming} says). */
  public static String keyspace(Dataset d, Blueprint b) {
    return StorageNames.cassandraName(Naming.databaseOf(d));
  }

  /** The Neo4j database of a graph dataset. */
  public static String neo4jDatabase(Dataset d, Blueprint b) {
    return StorageNames.neo4jDatabase(Naming.databaseOf(d));
  }

  /** The MongoDB database of a document dataset. */
  public static String mongoDatabase(Dataset d, Blueprint b) {
    return StorageNames.mongoDatabase(Naming.databaseOf(d));
  }

  /** The file that creates the dataset's table, collection, constraints or key space; or null. */
  public static String ddlFile(Dataset d, Blueprint b) {
    if (d.store() == null) {
      return null;
    }
    return switch (d.store()) {
      case RELATIONAL ->
          "storage/ddl/postgres/" + StorageNames.fileStem(PostgresDdl.databaseOf(d)) + ".sql";
      case WIDE_COLUMN -> "storage/ddl/cassandra/" + keyspace(d, b) + ".cql";
      case GRAPH -> "storage/ddl/neo4j/" + neo4jDatabase(d, b) + ".cypher";
      case DOCUMENT -> "storage/ddl/mongodb/" + mongoDatabase(d, b) + ".js";
      case KEY_VALUE -> "storage/redis/" + StorageNames.fileStem(d.name()) + ".md";
      case OBJECT_STORAGE -> null;
    };
  }

  /** Where the data is, in words: a lake path, a table, a collection, a label or a key pattern. */
  public static String location(Dataset d, Blueprint b) {
    if (d.store() == null) {
      return "";
    }
    return switch (d.store()) {
      case OBJECT_STORAGE -> LakePaths.root(b) + LakePaths.withPartitions(d);
      case RELATIONAL ->
          "PostgreSQL database "
              + PostgresDdl.databaseOf(d)
              + ", table "
              + PostgresDdl.schemaOf(d)
              + "."
              + d.name();
      case WIDE_COLUMN ->
          "Cassandra table " + keyspace(d, b) + "." + StorageNames.cassandraName(d.name());
      case GRAPH ->
          "Neo4j database " + neo4jDatabase(d, b) + ", label " + StorageNames.label(d.name());
      case DOCUMENT -> "MongoDB database " + mongoDatabase(d, b) + ", collection " + d.name();
      case KEY_VALUE -> "Redis keys " + RedisKeys.keyPattern(d);
    };
  }

  static String engagementId(Blueprint b) {
    return b.engagement() == null ? null : b.engagement().id();
  }
}
