package dev.blueprint.targets.stores;

import dev.blueprint.core.model.Blueprint;
import java.util.List;

/**
 * A reachable store of one family (Cassandra, Neo4j, MongoDB) that a blueprint's objects are
 * planned against and applied to, with the guarantees of the PostgreSQL target:
 *
 * <ul>
 *   <li>{@link #plan} only reads;
 *   <li>{@link #apply} plans first and refuses, before changing anything, when an object of the
 *       same name is defined differently; it creates what is missing and is idempotent; when a
 *       statement fails it drops what this run created (or the store's transaction does) so that
 *       nothing is half-applied, and the error names the object and the store;
 *   <li>{@link #dropCreated} drops, in reverse order, only objects in the list it is given and only
 *       while they exist; a container (keyspace, database) only when nothing else is in it.
 * </ul>
 *
 * Connections time out after 10 s, so a store that is down is one clear error. Failures are {@link
 * dev.blueprint.targets.TargetException}s whose message names the store and the cause.
 */
public interface StoreTarget extends AutoCloseable {

  /** The store's name for people, e.g. "Cassandra". */
  String store();

  /** The address, without credentials. */
  String where();

  /** Whether the blueprint has any object for this store. */
  boolean hasObjects(Blueprint blueprint);

  /** What the store has of the blueprint's objects. Reads only. */
  StorePlan plan(Blueprint blueprint);

  /** Creates what the plan says is missing; see the class comment. */
  StoreApplyResult apply(Blueprint blueprint);

  /**
   * The engagement's compensation: drops the objects of {@code created} that belong to this store
   * ({@link StoreObject#store()}), in reverse order. Idempotent.
   *
   * @return the objects dropped
   */
  List<StoreObject> dropCreated(List<StoreObject> created);

  /** Closes the driver; never throws. */
  @Override
  void close();
}
