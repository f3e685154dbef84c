package dev.blueprint.targets.stores;

import java.util.Locale;

/**
 * One object a store target creates and, on undo, may drop: a keyspace, table, constraint, index or
 * collection. Its identity is where it lives, not its definition: an undo drops exactly the objects
 * an apply recorded as created, and nothing else.
 *
 * @param store the store family's target: {@code cassandra}, {@code neo4j} or {@code mongodb}
 * @param kind what it is, e.g. {@code KEYSPACE}, {@code TABLE}, {@code CONSTRAINT}, {@code INDEX},
 *     {@code COLLECTION}
 * @param scope what holds it (keyspace, database, {@code database.collection}), or null when the
 *     object is itself a top-level container
 * @param name its name
 */
public record StoreObject(String store, String kind, String scope, String name) {

  public StoreObject {
    if (store == null || kind == null || name == null) {
      throw new IllegalArgumentException("store, kind and name are required");
    }
  }

  /** "index fraud.account_id_idx", as plans and messages print it. */
  public String label() {
    return kind.toLowerCase(Locale.ROOT) + " " + (scope == null ? name : scope + "." + name);
  }
}
