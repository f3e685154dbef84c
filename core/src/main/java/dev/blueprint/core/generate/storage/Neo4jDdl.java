package dev.blueprint.core.generate.storage;

import dev.blueprint.core.generate.escape.CypherEscapers;
import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Reference;
import dev.blueprint.core.model.StoreFamily;
import dev.blueprint.core.problem.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Neo4j constraints and indexes of the graph datasets: one node label per dataset, a uniqueness
 * constraint on its primary key, a range index per identity key, and for a reference to a record in
 * another database a property holding the external id with an index and a comment naming the
 * referenced dataset, store and database. A reference inside the same graph is better a
 * relationship; the comment says so.
 */
public final class Neo4jDdl {
  private Neo4jDdl() {}

  public record Database(String name, String file, List<Node> nodes) {
    public Database {
      nodes = List.copyOf(nodes);
    }
  }

  /**
   * One node label.
   *
   * @param key the primary-key properties (unique together)
   * @param keyConstraint the constraint's name
   */
  public record Node(
      String dataset,
      String label,
      String description,
      List<String> key,
      String keyConstraint,
      List<Index> indexes) {
    public Node {
      key = List.copyOf(key);
      indexes = List.copyOf(indexes);
    }

    /**
     * The statement creating the key constraint; the script prints it and {@code blueprint storage
     * apply} runs it, so both create the same schema. The script's is idempotent ({@code IF NOT
     * EXISTS}); apply's is not, because apply records what it created as its own to drop on undo,
     * and an object someone else created between its plan and its apply must fail it instead.
     */
    public String constraintCypher(boolean ifNotExists) {
      String target =
          key.size() == 1
              ? "n." + id(key.get(0))
              : "(" + String.join(", ", key.stream().map(k -> "n." + id(k)).toList()) + ")";
      return "CREATE CONSTRAINT "
          + id(keyConstraint)
          + (ifNotExists ? " IF NOT EXISTS" : "")
          + "\n  FOR (n:"
          + id(label)
          + ") REQUIRE "
          + target
          + " IS UNIQUE";
    }

    /**
     * The statement creating {@code index} on this label (for indexes with {@code create}),
     * optionally without {@code IF NOT EXISTS} (see {@link #constraintCypher}).
     */
    public String indexCypher(Index index, boolean ifNotExists) {
      return "CREATE INDEX "
          + id(index.name())
          + (ifNotExists ? " IF NOT EXISTS" : "")
          + "\n  FOR (n:"
          + id(label)
          + ") ON (n."
          + id(index.property())
          + ")";
    }

    private static String id(String name) {
      return CypherEscapers.identifier(name);
    }
  }

  /**
   * A property index and why it exists (comment lines). {@code create} is false for the key
   * property, which its constraint indexes already.
   */
  public record Index(String name, String property, List<String> reasons, boolean create) {
    public Index {
      reasons = List.copyOf(reasons);
    }
  }

  public static List<Database> of(Blueprint b) throws ProblemException {
    Architecture a = b.architectureOrEmpty();
    Map<String, List<Node>> nodes = new TreeMap<>();
    for (Dataset d : StorageLayout.sorted(a.datasets())) {
      if (d.store() != StoreFamily.GRAPH) {
        continue;
      }
      nodes.computeIfAbsent(Stores.neo4jDatabase(d, b), k -> new ArrayList<>()).add(node(d, b));
    }
    List<Database> out = new ArrayList<>();
    nodes.forEach(
        (db, list) ->
            out.add(
                new Database(
                    db,
                    "storage/ddl/neo4j/" + db + ".cypher",
                    list.stream().sorted(java.util.Comparator.comparing(Node::label)).toList())));
    return out;
  }

  static Node node(Dataset d, Blueprint b) throws ProblemException {
    Architecture a = b.architectureOrEmpty();
    List<String> key = d.primaryKey().isEmpty() ? d.identityKeys() : d.primaryKey();
    if (key.isEmpty()) {
      throw StorageProblems.missing(
          b,
          d,
          "primaryKey",
          "a graph node label needs a key property for its uniqueness constraint",
          "name the property that identifies a node in primaryKey, e.g. node_id");
    }
    Map<String, List<String>> reasons = new LinkedHashMap<>();
    for (String k : d.identityKeys()) {
      if (!key.equals(List.of(k))) {
        reasons
            .computeIfAbsent(k, x -> new ArrayList<>())
            .add("identity key: matches the same " + "thing across sources");
      }
    }
    for (Reference r : d.references()) {
      Optional<Dataset> target = a.dataset(r.dataset());
      String targetField = StorageLayout.targetField(r, a);
      String text;
      if (target.isEmpty()) {
        text = "holds " + r.dataset() + "." + targetField + " (dataset not in this blueprint)";
      } else if (target.get().store() == StoreFamily.GRAPH
          && Stores.neo4jDatabase(target.get(), b).equals(Stores.neo4jDatabase(d, b))) {
        text =
            "holds "
                + r.dataset()
                + "."
                + targetField
                + " of label "
                + StorageNames.label(r.dataset())
                + " in this database; consider a relationship instead of the id";
      } else {
        Dataset t = target.get();
        text =
            "holds the id of a record in another database: "
                + r.dataset()
                + "."
                + targetField
                + " in "
                + Stores.location(t, b)
                + " ("
                + Stores.family(t.store())
                + "); resolve it there, the graph keeps only the id";
      }
      reasons.computeIfAbsent(r.field(), x -> new ArrayList<>()).add(text);
    }
    List<Index> indexes = new ArrayList<>();
    reasons.forEach(
        (property, why) ->
            indexes.add(
                new Index(
                    StorageNames.objectName(d.name() + "_" + property + "_idx"),
                    property,
                    why,
                    !key.equals(List.of(property)))));
    return new Node(
        d.name(),
        StorageNames.label(d.name()),
        d.description(),
        key,
        StorageNames.objectName(d.name() + "_key"),
        indexes);
  }
}
