package dev.blueprint.workflow.activities;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprint.core.ddl.PostgresDdl;
import dev.blueprint.core.ddl.SqlStatement;
import dev.blueprint.core.kafka.TopicSpec;
import dev.blueprint.core.kafka.TopicSpecs;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.targets.TargetException;
import dev.blueprint.targets.kafka.KafkaApplier;
import dev.blueprint.targets.kafka.KafkaConnection;
import dev.blueprint.targets.kafka.KafkaPlan;
import dev.blueprint.targets.kafka.KafkaPlanner;
import dev.blueprint.targets.storage.StorageApplier;
import dev.blueprint.targets.storage.StorageConnection;
import dev.blueprint.targets.storage.StoragePlanner;
import dev.blueprint.targets.stores.StoreApplyResult;
import dev.blueprint.targets.stores.StoreObject;
import dev.blueprint.targets.stores.StoreTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Provisions the configured targets with the targets module: the blueprint's Kafka topics on a
 * cluster, its PostgreSQL DDL on a database, its Cassandra, Neo4j and MongoDB objects on those
 * stores. Before applying, it records what the apply is about to create (the union over attempts)
 * in the engagement's {@code provision/} folder, so that the undo after a crash at any point knows
 * what may exist; the undo removes only topics carrying this engagement's marker and only objects
 * in that record (never CASCADE).
 */
public final class TargetsProvisioner implements ProvisionPort {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOPICS = "kafka-topics.json";
  private static final String DDL = "postgres-created.json";
  private static final String STORES = "stores-created.json";

  private final KafkaConnection kafka;
  private final StorageConnection postgres;
  private final List<Supplier<StoreTarget>> stores;

  /** Either may be null: that target is not configured. */
  public TargetsProvisioner(KafkaConnection kafka, StorageConnection postgres) {
    this(kafka, postgres, List.of());
  }

  /**
   * @param stores the Cassandra, Neo4j and MongoDB targets configured, each made anew for every
   *     apply and undo (a target holds a driver; the worker runs activities concurrently)
   */
  public TargetsProvisioner(
      KafkaConnection kafka, StorageConnection postgres, List<Supplier<StoreTarget>> stores) {
    this.kafka = kafka;
    this.postgres = postgres;
    this.stores = List.copyOf(stores);
  }

  @Override
  public boolean configured() {
    return kafka != null || postgres != null || !stores.isEmpty();
  }

  @Override
  public String apply(Blueprint blueprint, Path stateDir) throws IOException {
    Files.createDirectories(stateDir);
    String owner = owner(stateDir);
    List<String> done = new ArrayList<>();
    try {
      if (kafka != null) {
        List<TopicSpec> desired = TopicSpecs.of(blueprint);
        KafkaPlan plan = new KafkaPlanner(kafka).plan(desired, owner, false);
        Set<String> intent = new LinkedHashSet<>(read(stateDir.resolve(TOPICS), STRINGS));
        plan.creates().forEach(t -> intent.add(t.name()));
        write(stateDir.resolve(TOPICS), List.copyOf(intent));
        var result = new KafkaApplier(kafka).apply(plan);
        done.add(
            result.createdTopics().size()
                + " topics created, "
                + plan.inSync().size()
                + " in sync");
      }
      if (postgres != null) {
        List<SqlStatement> ddl = PostgresDdl.of(blueprint);
        List<SqlStatement> creates = new StoragePlanner(postgres).plan(ddl).creates();
        Set<SqlStatement> intent = new LinkedHashSet<>(read(stateDir.resolve(DDL), STATEMENTS));
        intent.addAll(creates);
        write(stateDir.resolve(DDL), List.copyOf(intent));
        var result = new StorageApplier(postgres).apply(ddl);
        done.add(result.created().size() + " database objects created");
      }
      for (Supplier<StoreTarget> store : stores) {
        try (StoreTarget t = store.get()) {
          if (!t.hasObjects(blueprint)) {
            continue;
          }
          List<StoreObject> creates = t.plan(blueprint).creates();
          Set<StoreObject> intent = new LinkedHashSet<>(read(stateDir.resolve(STORES), OBJECTS));
          intent.addAll(creates);
          write(stateDir.resolve(STORES), List.copyOf(intent));
          StoreApplyResult result = t.apply(blueprint);
          done.add(result.created().size() + " " + t.store() + " objects created");
        }
      }
    } catch (TargetException e) {
      throw new IOException(e.getMessage(), e);
    }
    return done.isEmpty() ? "no targets configured" : String.join("; ", done);
  }

  @Override
  public void undo(Path stateDir) throws IOException {
    try {
      List<StoreObject> objects = read(stateDir.resolve(STORES), OBJECTS);
      if (!objects.isEmpty()) {
        for (int i = stores.size() - 1; i >= 0; i--) {
          try (StoreTarget t = stores.get(i).get()) {
            t.dropCreated(objects); // each target drops only its own store's objects
          }
        }
      }
      List<SqlStatement> created = read(stateDir.resolve(DDL), STATEMENTS);
      if (postgres != null && !created.isEmpty()) {
        new StorageApplier(postgres).dropCreated(created);
      }
      List<String> topics = read(stateDir.resolve(TOPICS), STRINGS);
      if (kafka != null && !topics.isEmpty()) {
        new KafkaApplier(kafka).deleteCreated(topics, owner(stateDir));
      }
    } catch (TargetException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** The engagement id: the name of the workspace folder that holds {@code provision/}. */
  private static String owner(Path stateDir) {
    return stateDir.toAbsolutePath().getParent().getFileName().toString();
  }

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<SqlStatement>> STATEMENTS = new TypeReference<>() {};
  private static final TypeReference<List<StoreObject>> OBJECTS = new TypeReference<>() {};

  private static <T> List<T> read(Path file, TypeReference<List<T>> type) throws IOException {
    return Files.exists(file) ? JSON.readValue(file.toFile(), type) : List.of();
  }

  private static void write(Path file, Object value) throws IOException {
    Workspace.writeAtomically(file, JSON.writeValueAsString(value));
  }
}
