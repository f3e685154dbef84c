package dev.blueprint.targets.stores;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.blueprint.core.generate.storage.MongoDdl;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.targets.TargetException;
import dev.blueprint.targets.stores.MongoConnection.Without;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The blueprint's MongoDB collections (with their {@code $jsonSchema} validators) and indexes,
 * planned against and applied to a MongoDB server with the guarantees of {@link StoreTarget}.
 *
 * <p>The collections' options and the indexes' keys and options are those of the generated
 * storage/ddl/mongodb/*.js script ({@link MongoDdl}, parsed as BSON), and apply sends the very
 * commands that the script's createCollection and createIndex send, so script and apply agree by
 * construction. Unlike the script, which collMods an existing collection, apply never changes an
 * object it finds: one defined differently (validator, index keys, uniqueness, TTL) is a conflict
 * and apply refuses before it creates anything. MongoDB has no transactions for DDL, so when a
 * command fails apply drops what this run created, in reverse order. A database is not an object of
 * its own: MongoDB creates it with its first collection and removes it with its last.
 *
 * <p>Options that the connection leaves out ({@link MongoConnection#without()}) are neither sent
 * nor compared, and the plan notes them. The honest limit: the one MongoDB-compatible server that
 * this project can test against, FerretDB v1, answers "not implemented" to validators and TTL
 * indexes, so the code path that sends them is proven only up to the commands it builds (their
 * content is unit-tested against the model) and to the server's refusal; no real server here
 * accepted them.
 */
public final class MongoTarget implements StoreTarget {
  static final String STORE = "mongodb";
  static final String COLLECTION = "COLLECTION";
  static final String INDEX = "INDEX";

  /** The collection options that make up a validator. */
  static final List<String> VALIDATOR_OPTIONS =
      List.of("validator", "validationLevel", "validationAction");

  private final MongoConnection connection;
  private MongoClient client;

  public MongoTarget(MongoConnection connection) {
    this.connection = connection;
  }

  @Override
  public String store() {
    return "MongoDB";
  }

  @Override
  public String where() {
    return connection.where();
  }

  @Override
  public boolean hasObjects(Blueprint blueprint) {
    return !MongoDdl.of(blueprint).isEmpty();
  }

  /**
   * One command of apply: the object it creates, the database it runs in, the command as the
   * generated script's mongosh call sends it (less what the connection leaves out), and the option
   * that a server may not implement, if the command carries one.
   */
  record Step(StoreObject object, String database, BsonDocument command, Without option) {}

  /** The blueprint's objects and their create commands, in the script's order. */
  static List<Step> steps(Blueprint blueprint, Set<Without> without) {
    List<Step> out = new ArrayList<>();
    for (MongoDdl.Database db : MongoDdl.of(blueprint)) {
      for (MongoDdl.Collection c : db.collections()) {
        BsonDocument options = BsonDocument.parse(c.optionsJson());
        BsonDocument create = new BsonDocument("create", new BsonString(c.dataset()));
        boolean validator = false;
        for (Map.Entry<String, BsonValue> e : options.entrySet()) {
          if (VALIDATOR_OPTIONS.contains(e.getKey())) {
            validator = true;
            if (without.contains(Without.VALIDATOR)) {
              continue;
            }
          }
          create.append(e.getKey(), e.getValue());
        }
        out.add(
            new Step(
                new StoreObject(STORE, COLLECTION, db.name(), c.dataset()),
                db.name(),
                create,
                validator && !without.contains(Without.VALIDATOR) ? Without.VALIDATOR : null));
        for (MongoDdl.Index i : c.indexes()) {
          BsonDocument spec = new BsonDocument("key", BsonDocument.parse(i.keysJson()));
          boolean ttl = false;
          for (Map.Entry<String, BsonValue> e : BsonDocument.parse(i.optionsJson()).entrySet()) {
            if (e.getKey().equals("expireAfterSeconds")) {
              ttl = true;
              if (without.contains(Without.TTL)) {
                continue;
              }
            }
            spec.append(e.getKey(), e.getValue());
          }
          out.add(
              new Step(
                  new StoreObject(
                      STORE,
                      INDEX,
                      db.name() + "." + c.dataset(),
                      spec.getString("name").getValue()),
                  db.name(),
                  new BsonDocument("createIndexes", new BsonString(c.dataset()))
                      .append("indexes", new BsonArray(List.of(spec))),
                  ttl && !without.contains(Without.TTL) ? Without.TTL : null));
        }
      }
    }
    return out;
  }

  @Override
  public StorePlan plan(Blueprint blueprint) {
    try {
      return plan(blueprint, client());
    } catch (MongoException e) {
      throw failure("reading the blueprint's collections from MongoDB at " + where(), e);
    }
  }

  private StorePlan plan(Blueprint blueprint, MongoClient mongo) {
    Set<Without> without = connection.without();
    List<StorePlan.Item> items = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (MongoDdl.Database db : MongoDdl.of(blueprint)) {
      MongoDatabase database = mongo.getDatabase(db.name());
      Map<String, BsonDocument> infos = new LinkedHashMap<>();
      for (BsonDocument info : database.listCollections(BsonDocument.class)) {
        infos.put(info.getString("name").getValue(), info);
      }
      for (MongoDdl.Collection c : db.collections()) {
        String where = db.name() + "." + c.dataset();
        BsonDocument options = BsonDocument.parse(c.optionsJson());
        BsonDocument info = infos.get(c.dataset());
        StoreObject collection = new StoreObject(STORE, COLLECTION, db.name(), c.dataset());
        List<BsonDocument> indexes = new ArrayList<>();
        if (info == null) {
          items.add(new StorePlan.Item(collection, StorePlan.State.CREATE, ""));
        } else {
          String differs = collectionDiffers(info, options, without);
          items.add(
              new StorePlan.Item(
                  collection,
                  differs == null ? StorePlan.State.EXISTS : StorePlan.State.DIFFERS,
                  differs));
          if (!isView(info)) {
            database.getCollection(c.dataset()).listIndexes(BsonDocument.class).into(indexes);
          }
        }
        if (without.contains(Without.VALIDATOR) && options.containsKey("validator")) {
          notes.add(
              "validator of "
                  + where
                  + " not applied: --mongodb-without validator (the collection takes documents"
                  + " of any shape)");
        }
        for (MongoDdl.Index i : c.indexes()) {
          BsonDocument keys = BsonDocument.parse(i.keysJson());
          BsonDocument wanted = BsonDocument.parse(i.optionsJson());
          String name = wanted.getString("name").getValue();
          StoreObject index = new StoreObject(STORE, INDEX, where, name);
          String differs = indexDiffers(indexes, keys, wanted, without);
          items.add(
              new StorePlan.Item(
                  index,
                  differs == null
                      ? indexes.stream().anyMatch(x -> name.equals(string(x.get("name"))))
                          ? StorePlan.State.EXISTS
                          : StorePlan.State.CREATE
                      : StorePlan.State.DIFFERS,
                  differs));
          if (without.contains(Without.TTL) && wanted.containsKey("expireAfterSeconds")) {
            notes.add(
                "TTL of index "
                    + where
                    + "."
                    + name
                    + " not applied: --mongodb-without ttl (documents would expire "
                    + dev.blueprint.core.model.Durations.format(
                        java.time.Duration.ofSeconds(
                            wanted.get("expireAfterSeconds").asNumber().longValue()))
                    + " after "
                    + String.join(",", keys.keySet())
                    + "; the index is created without it and they do not expire)");
          }
        }
      }
    }
    return new StorePlan(store(), where(), items, notes);
  }

  /** How an existing collection differs from the blueprint's, or null when it does not. */
  static String collectionDiffers(BsonDocument info, BsonDocument wanted, Set<Without> without) {
    if (isView(info)) {
      return "a view, not a collection";
    }
    if (without.contains(Without.VALIDATOR) || !wanted.containsKey("validator")) {
      return null;
    }
    BsonDocument options = info.getDocument("options", new BsonDocument());
    List<String> out = new ArrayList<>();
    BsonValue validator = options.get("validator");
    if (validator == null) {
      out.add("no validator");
    } else if (!same(validator, wanted.get("validator"))) {
      out.add("validator differs: " + validatorDifference(validator, wanted.get("validator")));
    }
    for (String option : List.of("validationLevel", "validationAction")) {
      String dflt = option.equals("validationLevel") ? "strict" : "error";
      String actual = string(options.get(option), dflt);
      String expected = string(wanted.get(option), dflt);
      if (!actual.equals(expected)) {
        out.add(option + " " + actual + " (blueprint: " + expected + ")");
      }
    }
    return out.isEmpty() ? null : String.join("; ", out);
  }

  private static String validatorDifference(BsonValue actual, BsonValue wanted) {
    BsonValue a = actual.isDocument() ? actual.asDocument().get("$jsonSchema") : null;
    BsonDocument w = wanted.asDocument().getDocument("$jsonSchema");
    if (a == null || !a.isDocument()) {
      return "not a $jsonSchema validator";
    }
    TreeSet<String> required = names(a.asDocument().get("required"));
    TreeSet<String> wantedRequired = names(w.get("required"));
    if (!required.equals(wantedRequired)) {
      return "required fields " + required + " (blueprint: " + wantedRequired + ")";
    }
    TreeSet<String> properties =
        new TreeSet<>(a.asDocument().getDocument("properties", new BsonDocument()).keySet());
    TreeSet<String> wantedProperties = new TreeSet<>(w.getDocument("properties").keySet());
    if (!properties.equals(wantedProperties)) {
      return "fields " + properties + " (blueprint: " + wantedProperties + ")";
    }
    return "in the fields' types, descriptions or the title";
  }

  /**
   * How the collection's index of the blueprint's name differs from the blueprint's, or whether
   * another index has its keys (createIndexes refuses a second index on the same keys); null when
   * the index exists as defined or is missing.
   */
  static String indexDiffers(
      List<BsonDocument> indexes, BsonDocument keys, BsonDocument wanted, Set<Without> without) {
    String name = wanted.getString("name").getValue();
    for (BsonDocument index : indexes) {
      if (!name.equals(string(index.get("name")))) {
        continue;
      }
      List<String> out = new ArrayList<>();
      BsonDocument key = index.getDocument("key", new BsonDocument());
      if (!sameKeys(key, keys)) {
        out.add("keys " + key.toJson() + " (blueprint: " + keys.toJson() + ")");
      }
      boolean unique = index.getBoolean("unique", org.bson.BsonBoolean.FALSE).getValue();
      boolean wantedUnique = wanted.getBoolean("unique", org.bson.BsonBoolean.FALSE).getValue();
      if (unique != wantedUnique) {
        out.add(unique ? "unique (blueprint: not unique)" : "not unique (blueprint: unique)");
      }
      if (!without.contains(Without.TTL)) {
        String ttl = ttl(index.get("expireAfterSeconds"));
        String wantedTtl = ttl(wanted.get("expireAfterSeconds"));
        if (!ttl.equals(wantedTtl)) {
          out.add(ttl + " (blueprint: " + wantedTtl + ")");
        }
      }
      return out.isEmpty() ? null : String.join("; ", out);
    }
    for (BsonDocument index : indexes) {
      if (sameKeys(index.getDocument("key", new BsonDocument()), keys)) {
        return "index "
            + string(index.get("name"))
            + " has its keys "
            + keys.toJson()
            + " under another name (createIndexes would fail)";
      }
    }
    return null;
  }

  private static String ttl(BsonValue seconds) {
    return seconds == null || !seconds.isNumber()
        ? "no TTL"
        : "TTL " + seconds.asNumber().longValue() + " s";
  }

  @Override
  public StoreApplyResult apply(Blueprint blueprint) {
    MongoClient mongo = client();
    StorePlan plan;
    try {
      plan = plan(blueprint, mongo);
    } catch (MongoException e) {
      throw failure("reading the blueprint's collections from MongoDB at " + where(), e);
    }
    if (!plan.conflicts().isEmpty()) {
      StringBuilder sb =
          new StringBuilder("MongoDB at ")
              .append(where())
              .append(": apply refused, nothing was changed; ")
              .append(plan.conflicts().size())
              .append(" object(s) of the blueprint's names are defined differently and blueprint")
              .append(" never changes what it did not create (rename or drop them first):");
      for (StorePlan.Item i : plan.conflicts()) {
        sb.append("\n  ").append(i.object().label()).append(": ").append(i.detail());
      }
      throw new TargetException(sb.toString());
    }
    Set<StoreObject> missing = new HashSet<>(plan.creates());
    List<StoreObject> created = new ArrayList<>();
    for (Step step : steps(blueprint, connection.without())) {
      if (!missing.contains(step.object())) {
        continue;
      }
      try {
        mongo.getDatabase(step.database()).runCommand(step.command());
      } catch (MongoException e) {
        throw new TargetException(failedAt(step, e, created), e);
      }
      created.add(step.object());
    }
    return new StoreApplyResult(created, plan.existing().size());
  }

  /** The message of a failed apply, after dropping what this run created. */
  private String failedAt(Step step, MongoException e, List<StoreObject> created) {
    StringBuilder sb =
        new StringBuilder("applying to MongoDB at ")
            .append(where())
            .append(" failed at ")
            .append(step.object().label())
            .append(": ")
            .append(describe(e));
    if (step.option() != null && notImplemented(e)) {
      sb.append(" (the server does not implement ")
          .append(step.option() == Without.VALIDATOR ? "collection validators" : "TTL indexes")
          .append(": leave them out with --mongodb-without ")
          .append(step.option().flag())
          .append(")");
    }
    if (created.isEmpty()) {
      return sb.append("; this run had created nothing").toString();
    }
    try {
      List<StoreObject> dropped = dropCreated(created);
      sb.append("; the ")
          .append(dropped.size())
          .append(" object(s) this run had created were dropped: ")
          .append(labels(dropped));
    } catch (TargetException undo) {
      sb.append("; dropping what this run had created failed too: ").append(undo.getMessage());
    }
    return sb.toString();
  }

  /**
   * Drops the {@code mongodb} objects of {@code created} in reverse order, each only while it
   * exists: an index by its name, a collection with whatever it holds (its documents, and indexes
   * that others put on it since, as PostgreSQL's DROP TABLE takes a table's indexes). A collection
   * that was there before is never in the list, so an index blueprint added to it goes and the
   * collection and its other indexes stay. MongoDB removes a database when its last collection
   * goes, so a database that holds someone else's collections stays; blueprint never drops a
   * database itself, lest one that someone filled in the meantime go with it (FerretDB v1 may keep
   * listing an emptied database).
   */
  @Override
  public List<StoreObject> dropCreated(List<StoreObject> created) {
    List<StoreObject> dropped = new ArrayList<>();
    StoreObject current = null;
    try {
      for (int i = created.size() - 1; i >= 0; i--) {
        current = created.get(i);
        if (!STORE.equals(current.store()) || current.scope() == null) {
          continue;
        }
        if (current.kind().equals(COLLECTION)) {
          MongoDatabase db = client().getDatabase(current.scope());
          if (has(db, current.name())) {
            db.getCollection(current.name()).drop();
            dropped.add(current);
          }
        } else if (current.kind().equals(INDEX)) {
          // a database name cannot hold a dot, a collection name can
          int dot = current.scope().indexOf('.');
          if (dot < 0) {
            continue;
          }
          MongoDatabase db = client().getDatabase(current.scope().substring(0, dot));
          String name = current.scope().substring(dot + 1);
          if (!has(db, name)) {
            continue;
          }
          MongoCollection<BsonDocument> coll = db.getCollection(name, BsonDocument.class);
          String index = current.name();
          if (coll.listIndexes(BsonDocument.class).into(new ArrayList<>()).stream()
              .anyMatch(x -> index.equals(string(x.get("name"))))) {
            coll.dropIndex(index);
            dropped.add(current);
          }
        }
      }
      return dropped;
    } catch (MongoException e) {
      throw failure(
          "dropping what the engagement created in MongoDB at "
              + where()
              + " failed at "
              + current.label()
              + (dropped.isEmpty() ? "" : " (dropped before it: " + labels(dropped) + ")"),
          e);
    }
  }

  private static boolean has(MongoDatabase db, String collection) {
    return db.listCollectionNames().into(new ArrayList<>()).contains(collection);
  }

  private synchronized MongoClient client() {
    if (client == null) {
      client = connection.open();
    }
    return client;
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      try {
        client.close();
      } catch (RuntimeException e) {
        // closing is best effort: nothing is left to undo on a client
      }
      client = null;
    }
  }

  /** A TargetException "WHAT: CAUSE" for a driver error, the cause short and without noise. */
  static TargetException failure(String what, MongoException e) {
    return new TargetException(what + ": " + describe(e), e);
  }

  private static final Pattern CAUSED_BY =
      Pattern.compile("(?:caused by|exception=) \\{([^}]*)\\}");

  /** The driver error's gist: the server's code and message, or why no server answered. */
  static String describe(MongoException e) {
    if (e instanceof MongoCommandException c) {
      String code = c.getErrorCodeName();
      return (code == null || code.isEmpty() ? "error " + c.getErrorCode() : code)
          + ": "
          + c.getErrorMessage();
    }
    if (e instanceof MongoTimeoutException) {
      // the cluster description names the last connection error in "caused by {...}"
      Matcher m = CAUSED_BY.matcher(e.getMessage());
      String cause = null;
      while (m.find()) {
        cause = m.group(1);
      }
      return "no server answered within the timeout" + (cause == null ? "" : " (" + cause + ")");
    }
    return e.getMessage();
  }

  /** Whether the server does not implement a command or an option of it. */
  static boolean notImplemented(MongoException e) {
    if (e instanceof MongoCommandException c
        && (c.getErrorCode() == 238 || c.getErrorCode() == 59)) { // NotImplemented, CommandNotFound
      return true;
    }
    String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    return m.contains("not implemented") || m.contains("not supported");
  }

  private static boolean isView(BsonDocument info) {
    return "view".equals(string(info.get("type")));
  }

  private static String labels(List<StoreObject> objects) {
    return String.join(", ", objects.stream().map(StoreObject::label).toList());
  }

  private static String string(BsonValue v) {
    return string(v, null);
  }

  private static String string(BsonValue v, String dflt) {
    return v != null && v.isString() ? v.asString().getValue() : dflt;
  }

  private static TreeSet<String> names(BsonValue array) {
    TreeSet<String> out = new TreeSet<>();
    if (array != null && array.isArray()) {
      array.asArray().forEach(v -> out.add(v.isString() ? v.asString().getValue() : v.toString()));
    }
    return out;
  }

  /** Index keys: the same fields in the same order, the same directions or types. */
  static boolean sameKeys(BsonDocument a, BsonDocument b) {
    if (!new ArrayList<>(a.keySet()).equals(new ArrayList<>(b.keySet()))) {
      return false;
    }
    return a.keySet().stream().allMatch(k -> same(a.get(k), b.get(k)));
  }

  /**
   * Equal as the server means it: documents whatever their field order, arrays in order, numbers by
   * value whatever their BSON type (a server may answer 1 as int32, int64 or double).
   */
  static boolean same(BsonValue a, BsonValue b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.asNumber().doubleValue() == b.asNumber().doubleValue();
    }
    if (a.isDocument() && b.isDocument()) {
      BsonDocument x = a.asDocument();
      BsonDocument y = b.asDocument();
      return x.keySet().equals(y.keySet())
          && x.keySet().stream().allMatch(k -> same(x.get(k), y.get(k)));
    }
    if (a.isArray() && b.isArray()) {
      BsonArray x = a.asArray();
      BsonArray y = b.asArray();
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!same(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
