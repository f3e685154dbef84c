package dev.blueprint.targets.storage;

import dev.blueprint.core.ddl.SqlStatement;
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

  /** Whether apply would create anything. */
  public boolean hasChanges() {
    return !creates().isEmpty();
  }

  /** The plan as lines a reviewer reads. */
  public String text() {
    StringBuilder sb = new StringBuilder("PostgreSQL plan for ").append(url).append('\n');
    for (Item i : items) {
      if (i.isComment()) {
        continue;
      }
      SqlStatement s = i.statement();
      sb.append(i.exists() ? "    exists " : "  + create ")
          .append(s.kind().toLowerCase(java.util.Locale.ROOT))
          .append(' ')
          .append(s.kind().equals("SCHEMA") ? s.name() : s.schema() + "." + s.name())
          .append('\n');
    }
    int creates = creates().size();
    sb.append(
        creates == 0
            ? "No changes: every schema, table and index exists.\n"
            : "Plan: " + creates + " to create, " + existing().size() + " existing.\n");
    return sb.toString();
  }
}
