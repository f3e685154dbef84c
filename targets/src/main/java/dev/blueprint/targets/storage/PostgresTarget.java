package dev.blueprint.targets.storage;

import dev.blueprint.core.ddl.PostgresDdl;
import dev.blueprint.core.ddl.SqlStatement;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.targets.stores.StoreApplyResult;
import dev.blueprint.targets.stores.StoreObject;
import dev.blueprint.targets.stores.StorePlan;
import dev.blueprint.targets.stores.StoreTarget;
import java.util.List;

/**
 * The PostgreSQL target ({@link StoragePlanner}, {@link StorageApplier}) seen as a {@link
 * StoreTarget}, so that {@code blueprint storage} treats every store alike. Apply is one
 * transaction; objects are SCHEMA (scope null), TABLE and INDEX (scope the schema).
 */
public final class PostgresTarget implements StoreTarget {

  static final String STORE = "postgresql";

  /** The store's name for people. */
  static final String NAME = "PostgreSQL";

  private final StorageConnection connection;

  public PostgresTarget(StorageConnection connection) {
    this.connection = connection;
  }

  @Override
  public String store() {
    return NAME;
  }

  @Override
  public String where() {
    return connection.safeUrl();
  }

  @Override
  public boolean hasObjects(Blueprint blueprint) {
    return !PostgresDdl.of(blueprint).isEmpty();
  }

  @Override
  public StorePlan plan(Blueprint blueprint) {
    return new StoragePlanner(connection).plan(PostgresDdl.of(blueprint)).asStorePlan();
  }

  @Override
  public StoreApplyResult apply(Blueprint blueprint) {
    List<SqlStatement> ddl = PostgresDdl.of(blueprint);
    StorageApplyResult result = new StorageApplier(connection).apply(ddl);
    long objects = ddl.stream().filter(s -> !"COMMENT".equals(s.kind())).count();
    return new StoreApplyResult(
        result.created().stream().map(PostgresTarget::object).toList(),
        (int) objects - result.created().size());
  }

  @Override
  public List<StoreObject> dropCreated(List<StoreObject> created) {
    List<SqlStatement> ours =
        created.stream()
            .filter(o -> STORE.equals(o.store()))
            .map(
                o ->
                    new SqlStatement(
                        o.kind(), o.scope() == null ? o.name() : o.scope(), o.name(), ""))
            .toList();
    if (ours.isEmpty()) {
      return List.of();
    }
    return new StorageApplier(connection)
        .dropCreated(ours).stream().map(PostgresTarget::object).toList();
  }

  @Override
  public void close() {
    // a connection per call: nothing held
  }

  static StoreObject object(SqlStatement s) {
    return new StoreObject(
        STORE, s.kind(), "SCHEMA".equals(s.kind()) ? null : s.schema(), s.name());
  }
}
