package dev.blueprint.core.generate.storage;

import dev.blueprint.core.ddl.PostgresDdl;
import dev.blueprint.core.ddl.SqlStatement;
import dev.blueprint.core.generate.Contributor;
import dev.blueprint.core.generate.GenerationContext;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Cache;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.StoreFamily;
import dev.blueprint.core.problem.ProblemException;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes the DDL per store family: PostgreSQL (the statements of {@link PostgresDdl}, so that the
 * file and the apply command agree), Cassandra, Neo4j and MongoDB, plus one Markdown page per Redis
 * cache and key-value dataset.
 */
public final class DdlContributor implements Contributor {

  @Override
  public String name() {
    return "storage-ddl";
  }

  @Override
  public void contribute(GenerationContext context) throws IOException, ProblemException {
    Blueprint b = context.blueprint();
    for (Map.Entry<String, List<SqlStatement>> e : PostgresDdl.byDatabase(b).entrySet()) {
      String file = "storage/ddl/postgres/" + StorageNames.fileStem(e.getKey()) + ".sql";
      List<String> datasets =
          b.architectureOrEmpty().datasets().stream()
              .filter(d -> d.store() == StoreFamily.RELATIONAL)
              .filter(d -> PostgresDdl.databaseOf(d).equals(e.getKey()))
              .map(Dataset::name)
              .sorted()
              .toList();
      context.render(
          "storage/postgres.sql.ftl",
          "PostgreSQL database " + e.getKey(),
          Map.of(
              "database",
              e.getKey(),
              "file",
              file,
              "statements",
              e.getValue(),
              "datasets",
              datasets,
              "command",
              StoreCommands.postgres(StorageNames.fileStem(e.getKey()), file)),
          file);
    }
    for (CassandraDdl.Keyspace ks : CassandraDdl.of(b)) {
      context.render(
          "storage/cassandra.cql.ftl",
          "Cassandra keyspace " + ks.name(),
          Map.of("keyspace", ks, "command", StoreCommands.cassandra(ks.name(), ks.file())),
          ks.file());
    }
    for (Neo4jDdl.Database db : Neo4jDdl.of(b)) {
      context.render(
          "storage/neo4j.cypher.ftl",
          "Neo4j database " + db.name(),
          Map.of("database", db, "command", StoreCommands.neo4j(db.name(), db.file())),
          db.file());
    }
    for (MongoDdl.Database db : MongoDdl.of(b)) {
      context.render(
          "storage/mongodb.js.ftl",
          "MongoDB database " + db.name(),
          Map.of("database", db, "command", StoreCommands.mongodb(db.name(), db.file())),
          db.file());
    }
    for (Cache c :
        b.architectureOrEmpty().caches().stream()
            .sorted(Comparator.comparing(Cache::name))
            .toList()) {
      RedisKeys.KeySpace ks = RedisKeys.ofCache(c, b);
      context.render(
          "storage/redis.md.ftl",
          "cache " + c.name(),
          Map.of("keyspace", ks, "command", StoreCommands.cassandra(ks.name(), ks.file())),
          ks.file());
    }
    for (Dataset d : StorageLayout.sorted(b.architectureOrEmpty().datasets())) {
      if (d.store() == StoreFamily.KEY_VALUE) {
        RedisKeys.KeySpace ks = RedisKeys.ofDataset(d, b);
        context.render(
            "storage/redis.md.ftl",
            "dataset " + d.name(),
            Map.of("keyspace", ks, "command", StoreCommands.cassandra(ks.name(), ks.file())),
            ks.file());
      }
    }
  }
}
