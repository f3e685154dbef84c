package dev.blueprint.targets.storage;

import dev.blueprint.core.ddl.SqlStatement;
import dev.blueprint.targets.stores.StorePlan;
import java.util.List;

/**
 * What the database has of a blueprint's DDL, and what apply will create.
 *
 * @param url the database compared against (without query string)
 * @param items every statement with whether its object exists already
 */
public record StoragePlan(String url, List<Item> items) {

  public StoragePlan {
    items = List.copyOf(items);
  }

  /**
   * One statement. {@code exists} is true for a schema, table or index that is there already;
   * comments are objects of their table and are (re)set by every apply, so they are never a change
   * on their own.
   */
  public record Item(SqlStatement statement, boolean exists) {
    public boolean isComment() {
      return "COMMENT".equals(statement.kind());
    }
  }

  /** The schemas, tables and indexes apply will create. */
  public List<SqlStatement> creates() {
    return items.stream().filter(i -> !i.exists() && !i.isComment()).map(Item::statement).toList();
  }

  /** The schemas, tables and indexes that are there already. */
  public List<SqlStatement> existing() {
    return items.stream().filter(i -> i.exists() && !i.isComment()).map(Item::statement).toList();
  }

  /**
   * The plan in the form every store's plan takes (comments left out): what {@code blueprint
   * storage} prints.
   */
  public StorePlan asStorePlan() {
    return new StorePlan(
        PostgresTarget.NAME,
        url,
        items.stream()
            .filter(i -> !i.isComment())
            .map(
                i ->
                    new StorePlan.Item(
                        PostgresTarget.object(i.statement()),
                        i.exists() ? StorePlan.State.EXISTS : StorePlan.State.CREATE,
                        ""))
            .toList());
  }
}
