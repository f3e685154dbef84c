package dev.blueprint.targets.stores;

import java.util.List;

/**
 * What a store has of a blueprint's objects, and what apply will do: create what is missing, leave
 * what exists as the blueprint defines it, and refuse to touch an object of the same name that is
 * defined differently (blueprint never replaces what it did not create).
 *
 * @param store the store's name for people, e.g. "Neo4j"
 * @param where the address compared against, without credentials
 * @param items every object of the blueprint, in the order apply creates them
 * @param notes what a reviewer should know that is not an object, e.g. an option the store cannot
 *     take and that apply leaves out; printed after the items
 */
public record StorePlan(
    String store, String where, List<StorePlan.Item> items, List<String> notes) {

  public StorePlan {
    items = List.copyOf(items);
    notes = List.copyOf(notes);
  }

  public StorePlan(String store, String where, List<StorePlan.Item> items) {
    this(store, where, items, List.of());
  }

  /** What apply does with one object. */
  public enum State {
    CREATE,
    EXISTS,
    DIFFERS
  }

  /**
   * One object.
   *
   * @param detail for {@link State#DIFFERS}, how the store's object differs; else empty
   */
  public record Item(StoreObject object, State state, String detail) {
    public Item {
      detail = detail == null ? "" : detail;
    }
  }

  /** The objects apply will create. */
  public List<StoreObject> creates() {
    return objects(State.CREATE);
  }

  /** The objects that exist as the blueprint defines them. */
  public List<StoreObject> existing() {
    return objects(State.EXISTS);
  }

  /** The objects of the same name defined otherwise; apply refuses while there are any. */
  public List<Item> conflicts() {
    return items.stream().filter(i -> i.state() == State.DIFFERS).toList();
  }

  /** Whether the store differs from the blueprint at all. */
  public boolean hasChanges() {
    return items.stream().anyMatch(i -> i.state() != State.EXISTS);
  }

  private List<StoreObject> objects(State state) {
    return items.stream().filter(i -> i.state() == state).map(Item::object).toList();
  }

  /** The plan as lines a reviewer reads, in the format of the PostgreSQL plan. */
  public String text() {
    StringBuilder sb = new StringBuilder(store).append(" plan for ").append(where).append('\n');
    for (Item i : items) {
      switch (i.state()) {
        case CREATE -> sb.append("  + create ").append(i.object().label());
        case EXISTS -> sb.append("    exists ").append(i.object().label());
        case DIFFERS ->
            sb.append("  ! differs ").append(i.object().label()).append(": ").append(i.detail());
      }
      sb.append('\n');
    }
    for (String n : notes) {
      sb.append("  note: ").append(n).append('\n');
    }
    int conflicts = conflicts().size();
    if (!hasChanges()) {
      sb.append("No changes: every object exists as the blueprint defines it.\n");
    } else {
      sb.append("Plan: ")
          .append(creates().size())
          .append(" to create, ")
          .append(existing().size())
          .append(" existing");
      if (conflicts > 0) {
        sb.append(", ")
            .append(conflicts)
            .append(" defined differently (apply refuses: rename or drop them first)");
      }
      sb.append(".\n");
    }
    return sb.toString();
  }
}
