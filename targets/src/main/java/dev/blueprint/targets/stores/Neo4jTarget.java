package dev.blueprint.targets.stores;

import dev.blueprint.core.generate.escape.CypherEscapers;
import dev.blueprint.core.generate.storage.Neo4jDdl;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.targets.TargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.FatalDiscoveryException;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * The blueprint's Neo4j constraints and indexes ({@link Neo4jDdl}) on a real server. The statements
 * are the generated script's own ({@link Neo4jDdl.Node#constraintCypher}), so the script and apply
 * create the same schema. Each database's statements run in one transaction: Neo4j commits all of
 * them or none. Constraints and indexes are named, so the plan and the undo match them by name; an
 * object of that name or of that definition under another name is a conflict that apply refuses,
 * because Neo4j keeps one per label and properties and {@code IF NOT EXISTS} would silently create
 * nothing.
 */
public final class Neo4jTarget implements StoreTarget {

  static final String STORE = "neo4j";

  private final Neo4jConnection connection;
  private Driver driver;

  public Neo4jTarget(Neo4jConnection connection) {
    this.connection = connection;
  }

  /** One object the blueprint asks for, with its definition and the statement creating it. */
  private record Wanted(StoreObject object, Definition definition, String cypher) {}

  /**
   * A constraint or index as Neo4j describes it.
   *
   * @param kind CONSTRAINT or INDEX
   * @param type e.g. UNIQUENESS, RANGE
   */
  private record Definition(String kind, String type, List<String> labels, List<String> props) {
    String text() {
      String what =
          kind.equals("CONSTRAINT")
              ? type.toLowerCase(Locale.ROOT) + " constraint"
              : type.toLowerCase(Locale.ROOT) + " index";
      return what + " on " + String.join("|", labels) + "(" + String.join(", ", props) + ")";
    }
  }

  @Override
  public String store() {
    return "Neo4j";
  }

  @Override
  public String where() {
    return connection.where();
  }

  @Override
  public boolean hasObjects(Blueprint blueprint) {
    return !databases(blueprint).isEmpty();
  }

  @Override
  public StorePlan plan(Blueprint blueprint) {
    List<StorePlan.Item> items = new ArrayList<>();
    for (Map.Entry<String, List<Wanted>> db : wanted(blueprint).entrySet()) {
      Map<String, Definition> schema = schema(db.getKey());
      for (Wanted w : db.getValue()) {
        items.add(item(w, schema));
      }
    }
    return new StorePlan(store(), where(), items);
  }

  private static StorePlan.Item item(Wanted w, Map<String, Definition> schema) {
    Definition there = schema.get(w.object().name());
    if (there != null) {
      return there.equals(w.definition())
          ? new StorePlan.Item(w.object(), StorePlan.State.EXISTS, "")
          : new StorePlan.Item(
              w.object(),
              StorePlan.State.DIFFERS,
              "the server's is a " + there.text() + ", the blueprint's a " + w.definition().text());
    }
    for (Map.Entry<String, Definition> e : schema.entrySet()) {
      if (e.getValue().equals(w.definition())) {
        return new StorePlan.Item(
            w.object(),
            StorePlan.State.DIFFERS,
            "the same "
                + w.definition().text()
                + " exists as `"
                + e.getKey()
                + "`; Neo4j keeps one, so rename that one or drop it");
      }
    }
    return new StorePlan.Item(w.object(), StorePlan.State.CREATE, "");
  }

  @Override
  public StoreApplyResult apply(Blueprint blueprint) {
    StorePlan plan = plan(blueprint);
    if (!plan.conflicts().isEmpty()) {
      throw new TargetException(conflicts(plan));
    }
    List<StoreObject> creates = plan.creates();
    List<StoreObject> created = new ArrayList<>();
    for (Map.Entry<String, List<Wanted>> db : wanted(blueprint).entrySet()) {
      List<Wanted> todo = db.getValue().stream().filter(w -> creates.contains(w.object())).toList();
      if (todo.isEmpty()) {
        continue;
      }
      try (Session s = session(db.getKey());
          Transaction tx = s.beginTransaction()) {
        for (Wanted w : todo) {
          try {
            tx.run(w.cypher()).consume();
          } catch (Neo4jException e) {
            throw new StatementFailed(w.object(), e);
          }
        }
        tx.commit();
        todo.forEach(w -> created.add(w.object()));
      } catch (StatementFailed | Neo4jException e) {
        StoreObject at = e instanceof StatementFailed f ? f.object : null;
        String cause = e instanceof StatementFailed f ? f.cause.getMessage() : e.getMessage();
        List<StoreObject> undone = created.isEmpty() ? List.of() : dropCreated(created);
        throw new TargetException(
            "applying to Neo4j at "
                + where()
                + " failed"
                + (at == null ? "" : " at " + at.label())
                + ": "
                + cause
                + "; database "
                + db.getKey()
                + "'s transaction was rolled back"
                + (undone.isEmpty()
                    ? ", nothing was applied"
                    : " and the " + undone.size() + " objects this run created were dropped"),
            e);
      }
    }
    return new StoreApplyResult(created, plan.existing().size());
  }

  /** A statement of an apply failed; carries which object it was creating. */
  private static final class StatementFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient StoreObject object;
    final Neo4jException cause;

    StatementFailed(StoreObject object, Neo4jException cause) {
      super(cause.getMessage(), cause, false, false);
      this.object = object;
      this.cause = cause;
    }
  }

  @Override
  public List<StoreObject> dropCreated(List<StoreObject> created) {
    Map<String, List<StoreObject>> byDatabase = new LinkedHashMap<>();
    for (int i = created.size() - 1; i >= 0; i--) {
      StoreObject o = created.get(i);
      if (STORE.equals(o.store())) {
        byDatabase.computeIfAbsent(o.scope(), k -> new ArrayList<>()).add(o);
      }
    }
    List<StoreObject> dropped = new ArrayList<>();
    for (Map.Entry<String, List<StoreObject>> db : byDatabase.entrySet()) {
      Map<String, Definition> schema;
      try {
        schema = schema(db.getKey());
      } catch (MissingDatabase e) {
        continue; // nothing of ours can be there
      }
      try (Session s = session(db.getKey());
          Transaction tx = s.beginTransaction()) {
        List<StoreObject> here = new ArrayList<>();
        for (StoreObject o : db.getValue()) {
          Definition there = schema.get(o.name());
          if (there == null || !there.kind().equals(o.kind())) {
            continue;
          }
          tx.run("DROP " + o.kind() + " " + CypherEscapers.identifier(o.name()) + " IF EXISTS")
              .consume();
          here.add(o);
        }
        tx.commit();
        dropped.addAll(here);
      } catch (Neo4jException e) {
        throw new TargetException(
            "dropping what the engagement created in Neo4j database "
                + db.getKey()
                + " at "
                + where()
                + " failed: "
                + e.getMessage()
                + "; rolled back, nothing of that database was dropped",
            e);
      }
    }
    return dropped;
  }

  @Override
  public void close() {
    if (driver != null) {
      try {
        driver.close();
      } catch (RuntimeException e) {
        // closing is best effort: the server may be gone
      }
      driver = null;
    }
  }

  private static List<Neo4jDdl.Database> databases(Blueprint blueprint) {
    try {
      return Neo4jDdl.of(blueprint);
    } catch (ProblemException e) {
      throw new TargetException(e.getMessage(), e);
    }
  }

  /** Per database, the objects in the order apply creates them: a label's key, then its indexes. */
  private static Map<String, List<Wanted>> wanted(Blueprint blueprint) {
    Map<String, List<Wanted>> out = new LinkedHashMap<>();
    for (Neo4jDdl.Database db : databases(blueprint)) {
      List<Wanted> list = out.computeIfAbsent(db.name(), k -> new ArrayList<>());
      for (Neo4jDdl.Node n : db.nodes()) {
        list.add(
            new Wanted(
                new StoreObject(STORE, "CONSTRAINT", db.name(), n.keyConstraint()),
                new Definition("CONSTRAINT", "UNIQUENESS", List.of(n.label()), n.key()),
                n.constraintCypher(false)));
        for (Neo4jDdl.Index i : n.indexes()) {
          if (i.create()) {
            list.add(
                new Wanted(
                    new StoreObject(STORE, "INDEX", db.name(), i.name()),
                    new Definition("INDEX", "RANGE", List.of(n.label()), List.of(i.property())),
                    n.indexCypher(i, false)));
          }
        }
      }
    }
    return out;
  }

  /** Name to definition of the database's constraints and the indexes no constraint owns. */
  private Map<String, Definition> schema(String database) {
    Map<String, Definition> out = new HashMap<>();
    try (Session s = session(database)) {
      s.executeRead(
          tx -> {
            for (Record r :
                tx.run("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties").list()) {
              out.put(r.get("name").asString(), definition("CONSTRAINT", r));
            }
            for (Record r :
                tx.run(
                        "SHOW INDEXES YIELD name, type, labelsOrTypes, properties,"
                            + " owningConstraint WHERE owningConstraint IS NULL")
                    .list()) {
              out.put(r.get("name").asString(), definition("INDEX", r));
            }
            return null;
          });
    } catch (FatalDiscoveryException e) {
      throw new MissingDatabase(database, where(), e);
    } catch (Neo4jException e) {
      throw new TargetException(
          "reading the schema of Neo4j database "
              + database
              + " at "
              + where()
              + " failed: "
              + e.getMessage(),
          e);
    }
    return out;
  }

  private static Definition definition(String kind, Record r) {
    return new Definition(
        kind,
        r.get("type").asString(),
        strings(r.get("labelsOrTypes")),
        strings(r.get("properties")));
  }

  private static List<String> strings(Value v) {
    return v.isNull() ? List.of() : v.asList(Value::asString);
  }

  /** The blueprint's database is not on the server: Community Edition serves only one. */
  private static final class MissingDatabase extends TargetException {
    private static final long serialVersionUID = 1L;

    MissingDatabase(String database, String where, Exception cause) {
      super(
          "Neo4j at "
              + where
              + " has no database "
              + database
              + ": create it (Enterprise Edition: CREATE DATABASE `"
              + database
              + "`; Community Edition serves one user database, so start a new server with"
              + " initial.dbms.default_database="
              + database
              + ")",
          cause);
    }
  }

  private Session session(String database) {
    if (driver == null) {
      driver = connection.open();
    }
    return driver.session(SessionConfig.forDatabase(database));
  }

  private static String conflicts(StorePlan plan) {
    StringBuilder sb =
        new StringBuilder("Neo4j at ")
            .append(plan.where())
            .append(" has objects of the blueprint's names or definitions that differ;")
            .append(" nothing was applied (blueprint never replaces what it did not create):");
    for (StorePlan.Item i : plan.conflicts()) {
      sb.append("\n  ").append(i.object().label()).append(": ").append(i.detail());
    }
    return sb.toString();
  }
}
