package dev.blueprint.targets.stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import dev.blueprint.core.generate.storage.MongoDdl;
import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Field;
import dev.blueprint.core.model.StoreFamily;
import dev.blueprint.targets.TargetException;
import dev.blueprint.targets.stores.MongoConnection.Without;
import dev.blueprint.targets.testing.TestFerretDb;
import dev.blueprint.targets.testing.TestTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MongoTarget} against one real FerretDB v1 (the one MongoDB-compatible server the project's
 * registries offer), each test in databases of its own: the synthetic blueprint's document datasets
 * (collections crm_docs.consents and crm_docs.profiles, audit_store.audit_docs; unique keys,
 * identity-key indexes and two TTL indexes) under a prefix per test. What the target did is read
 * back with a client of the test's own.
 *
 * <p>FerretDB v1 answers "not implemented" to collection validators and TTL indexes: the tests show
 * that apply then names the option to leave out and leaves nothing behind, and run everything else
 * with both left out. The commands that carry validators and TTLs are checked against the model (no
 * real server here accepted them).
 */
class MongoTargetTest {
  static TestFerretDb ferret;
  static MongoClient mongo;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    long t0 = System.nanoTime();
    ferret = TestFerretDb.start();
    mongo = MongoClients.create(ferret.uri());
    System.out.printf("FerretDB started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  @AfterAll
  static void stop() {
    if (mongo != null) {
      mongo.close();
    }
    if (ferret != null) {
      ferret.close();
    }
  }

  /** The synthetic blueprint with its document datasets in databases PREFIX_crm_docs, ... */
  static Blueprint blueprint(String prefix) {
    Blueprint b = SyntheticStores.blueprint();
    List<Dataset> datasets = new ArrayList<>();
    for (Dataset d : b.architectureOrEmpty().datasets()) {
      if (d.store() == StoreFamily.DOCUMENT) {
        d =
            new Dataset(
                d.name(),
                d.description(),
                d.owner(),
                d.domain(),
                d.zone(),
                d.store(),
                d.format(),
                prefix + "_" + d.database(),
                d.instances(),
                d.fields(),
                d.primaryKey(),
                d.identityKeys(),
                d.partitioning(),
                d.retention(),
                d.references(),
                d.consolidates());
      }
      datasets.add(d);
    }
    Architecture a = b.architectureOrEmpty();
    return b.withArchitecture(
        new Architecture(datasets, a.streams(), a.pipelines(), a.caches(), a.decisions()));
  }

  static MongoTarget target(Without... without) {
    return new MongoTarget(new MongoConnection(ferret.uri(), Set.of(without)));
  }

  static final Without[] BOTH = {Without.VALIDATOR, Without.TTL};

  /** database -> collection -> index name -> {key, unique}, read with the test's own client. */
  static Map<String, Map<String, Map<String, BsonDocument>>> snapshot(String prefix) {
    Map<String, Map<String, Map<String, BsonDocument>>> out = new LinkedHashMap<>();
    for (String db : List.of(prefix + "_audit_store", prefix + "_crm_docs")) {
      Map<String, Map<String, BsonDocument>> colls = new LinkedHashMap<>();
      MongoDatabase database = mongo.getDatabase(db);
      for (String c : new TreeSet<>(database.listCollectionNames().into(new ArrayList<>()))) {
        Map<String, BsonDocument> indexes = new LinkedHashMap<>();
        for (BsonDocument i :
            database.getCollection(c).listIndexes(BsonDocument.class).into(new ArrayList<>())) {
          indexes.put(i.getString("name").getValue(), shape(i));
        }
        colls.put(c, indexes);
      }
      out.put(db, colls);
    }
    return out;
  }

  private static BsonDocument shape(BsonDocument index) {
    BsonDocument key = new BsonDocument();
    index
        .getDocument("key")
        .forEach((k, v) -> key.append(k, new BsonInt32(v.asNumber().intValue())));
    return new BsonDocument("key", key)
        .append(
            "unique",
            BsonBoolean.valueOf(index.getBoolean("unique", BsonBoolean.FALSE).getValue()));
  }

  /** The snapshot the blueprint asks for, from the model's JSON (TTLs left out). */
  static Map<String, Map<String, Map<String, BsonDocument>>> expected(Blueprint b) {
    Map<String, Map<String, Map<String, BsonDocument>>> out = new LinkedHashMap<>();
    for (MongoDdl.Database db : MongoDdl.of(b)) {
      Map<String, Map<String, BsonDocument>> colls = new LinkedHashMap<>();
      for (MongoDdl.Collection c : db.collections()) {
        Map<String, BsonDocument> indexes = new LinkedHashMap<>();
        indexes.put(
            "_id_",
            new BsonDocument("key", new BsonDocument("_id", new BsonInt32(1)))
                .append("unique", BsonBoolean.FALSE));
        for (MongoDdl.Index i : c.indexes()) {
          BsonDocument options = BsonDocument.parse(i.optionsJson());
          indexes.put(
              options.getString("name").getValue(),
              new BsonDocument("key", BsonDocument.parse(i.keysJson()))
                  .append("unique", options.getBoolean("unique", BsonBoolean.FALSE)));
        }
        colls.put(c.dataset(), indexes);
      }
      out.put(db.name(), colls);
    }
    return out;
  }

  static Map<String, Map<String, Map<String, BsonDocument>>> nothing(String prefix) {
    Map<String, Map<String, Map<String, BsonDocument>>> out = new LinkedHashMap<>();
    out.put(prefix + "_audit_store", Map.of());
    out.put(prefix + "_crm_docs", Map.of());
    return out;
  }

  // --- the server refuses validators and TTL indexes: apply names the option, leaves nothing

  @Test
  void aValidatorTheServerDoesNotImplementFailsApplyNamingTheOptionAndLeavesNothing() {
    try (MongoTarget t = target()) {
      TargetException e = assertThrows(TargetException.class, () -> t.apply(blueprint("nv")));
      System.out.println(e.getMessage());
      String m = e.getMessage();
      assertTrue(m.contains("failed at collection nv_audit_store.audit_docs"), m);
      assertTrue(m.contains("validator"), m);
      assertTrue(m.contains("leave them out with --mongodb-without validator"), m);
      assertTrue(m.contains(ferret.uri().replaceAll("/$", "")), m);
      assertTrue(m.contains("this run had created nothing"), m);
    }
    assertEquals(nothing("nv"), snapshot("nv"));
  }

  @Test
  void aTtlIndexTheServerDoesNotImplementFailsApplyNamingTheOptionAndDropsWhatThisRunCreated() {
    try (MongoTarget t = target(Without.VALIDATOR)) {
      TargetException e = assertThrows(TargetException.class, () -> t.apply(blueprint("nt")));
      System.out.println(e.getMessage());
      String m = e.getMessage();
      // audit_docs comes first and has a TTL index: its collection was created, then dropped
      assertTrue(m.contains("failed at index nt_audit_store.audit_docs.audit_docs_ttl"), m);
      assertTrue(m.contains("leave them out with --mongodb-without ttl"), m);
      assertTrue(m.contains("were dropped: collection nt_audit_store.audit_docs"), m);
    }
    assertEquals(nothing("nt"), snapshot("nt"));
  }

  // --- with both left out

  @Test
  void planCreatesWithNotesApplyCreatesEverythingThenNoChangesAndASecondApplyCreatesNothing() {
    Blueprint b = blueprint("ok");
    try (MongoTarget t = target(BOTH)) {
      StorePlan plan = t.plan(b);
      System.out.print(plan.text());
      List<StoreObject> all = MongoTarget.steps(b, Set.of()).stream().map(s -> s.object()).toList();
      assertEquals(all, plan.creates());
      assertEquals(
          List.of(
              "collection ok_audit_store.audit_docs",
              "index ok_audit_store.audit_docs.audit_docs_ttl",
              "collection ok_crm_docs.consents",
              "index ok_crm_docs.consents.consents_pk",
              "collection ok_crm_docs.profiles",
              "index ok_crm_docs.profiles.profiles_pk",
              "index ok_crm_docs.profiles.profiles_owner_id_idx",
              "index ok_crm_docs.profiles.profiles_fingerprint_idx",
              "index ok_crm_docs.profiles.profiles_ttl"),
          all.stream().map(StoreObject::label).toList());
      assertEquals(nothing("ok"), snapshot("ok"), "plan changed the server");
      assertTrue(
          plan.notes()
              .contains(
                  "validator of ok_crm_docs.profiles not applied: --mongodb-without validator (the"
                      + " collection takes documents of any shape)"),
          plan.notes().toString());
      assertEquals(5, plan.notes().size(), "3 validators and 2 TTLs left out: " + plan.notes());
      assertTrue(
          plan.text()
              .contains(
                  "note: TTL of index ok_crm_docs.profiles.profiles_ttl not applied:"
                      + " --mongodb-without ttl (documents would expire 400d after"
                      + " created_at"),
          plan.text());
      assertTrue(plan.text().contains("Plan: 9 to create, 0 existing."), plan.text());

      StoreApplyResult first = t.apply(b);
      assertEquals(all, first.created());
      assertEquals(0, first.existing());
      assertEquals(expected(b), snapshot("ok"));

      StorePlan after = t.plan(b);
      assertFalse(after.hasChanges(), after.text());
      assertTrue(after.text().contains("No changes"), after.text());

      StoreApplyResult second = t.apply(b);
      assertEquals(List.of(), second.created());
      assertEquals(9, second.existing());
      assertEquals(expected(b), snapshot("ok"));
    }
  }

  @Test
  void whatTheGeneratedScriptCreatesIsWhatPlanExpects() throws Exception {
    Blueprint b = blueprint("js");
    StoreScripts.generate(b, dir);
    Path shim = ferret.resource("ferretdb_v1_shim.js");
    for (MongoDdl.Database db : MongoDdl.of(b)) {
      ferret.mongosh(List.of(shim, dir.resolve(db.file())), Map.of()).ok();
    }
    assertEquals(expected(b), snapshot("js"));
    try (MongoTarget t = target(BOTH)) {
      StorePlan plan = t.plan(b);
      assertFalse(plan.hasChanges(), plan.text());
      assertEquals(9, plan.existing().size(), plan.text());
    }
    // with the validator wanted, the shim's collections (which have none) differ, and apply
    // refuses rather than collMod them
    try (MongoTarget t = target(Without.TTL)) {
      StorePlan plan = t.plan(b);
      System.out.print(plan.text());
      assertEquals(
          List.of(
              "collection js_audit_store.audit_docs: no validator",
              "collection js_crm_docs.consents: no validator",
              "collection js_crm_docs.profiles: no validator"),
          plan.conflicts().stream().map(i -> i.object().label() + ": " + i.detail()).toList());
      TargetException e = assertThrows(TargetException.class, () -> t.apply(b));
      assertTrue(e.getMessage().contains("apply refused, nothing was changed"), e.getMessage());
    }
    assertEquals(expected(b), snapshot("js"));
  }

  @Test
  void anIndexOfTheBlueprintsNameWithOtherKeysOrItsKeysUnderAnotherNameDiffersAndApplyRefuses() {
    Blueprint b = blueprint("df");
    MongoDatabase crm = mongo.getDatabase("df_crm_docs");
    crm.getCollection("profiles").createIndex(new Document("count", 1), named("profiles_pk"));
    crm.getCollection("profiles").createIndex(new Document("fingerprint", 1), named("theirs"));
    Map<String, Map<String, Map<String, BsonDocument>>> before = snapshot("df");
    try (MongoTarget t = target(BOTH)) {
      StorePlan plan = t.plan(b);
      System.out.print(plan.text());
      assertEquals(
          List.of(
              "index df_crm_docs.profiles.profiles_pk: keys {\"count\": 1} (blueprint:"
                  + " {\"id\": 1}); not unique (blueprint: unique)",
              "index df_crm_docs.profiles.profiles_fingerprint_idx: index theirs has its keys"
                  + " {\"fingerprint\": 1} under another name (createIndexes would fail)"),
          plan.conflicts().stream().map(i -> i.object().label() + ": " + i.detail()).toList());
      assertTrue(plan.existing().contains(coll("df_crm_docs", "profiles")), plan.text());
      TargetException e = assertThrows(TargetException.class, () -> t.apply(b));
      System.out.println(e.getMessage());
      assertTrue(e.getMessage().contains("apply refused, nothing was changed"), e.getMessage());
      assertTrue(e.getMessage().contains("index df_crm_docs.profiles.profiles_pk: keys"));
      assertTrue(e.getMessage().contains("index theirs has its keys"));
    }
    assertEquals(before, snapshot("df"), "apply changed the server");
  }

  @Test
  void aFailureInTheMiddleDropsWhatThisRunCreatedAndNothingElse() {
    // profiles exists (someone else's) and holds two documents with the same id: the unique
    // primary-key index cannot be built, after audit_docs and consents were created
    Blueprint b = blueprint("mid");
    MongoDatabase crm = mongo.getDatabase("mid_crm_docs");
    crm.getCollection("profiles")
        .insertMany(List.of(new Document("id", 1L).append("n", 1), new Document("id", 1L)));
    Map<String, Map<String, Map<String, BsonDocument>>> before = snapshot("mid");
    try (MongoTarget t = target(BOTH)) {
      StorePlan plan = t.plan(b);
      assertEquals(List.of(coll("mid_crm_docs", "profiles")), plan.existing(), plan.text());
      TargetException e = assertThrows(TargetException.class, () -> t.apply(b));
      System.out.println(e.getMessage());
      String m = e.getMessage();
      assertTrue(m.contains("failed at index mid_crm_docs.profiles.profiles_pk"), m);
      assertTrue(
          m.contains(
              "the 4 object(s) this run had created were dropped: index"
                  + " mid_crm_docs.consents.consents_pk, collection mid_crm_docs.consents, index"
                  + " mid_audit_store.audit_docs.audit_docs_ttl, collection"
                  + " mid_audit_store.audit_docs"),
          m);
    }
    assertEquals(before, snapshot("mid"));
    assertEquals(2, crm.getCollection("profiles").countDocuments());
  }

  @Test
  void dropCreatedDropsOnlyTheRecordedObjectsOnce() {
    // someone else's: a collection next to ours, and profiles itself with an index of theirs
    Blueprint b = blueprint("dc");
    MongoDatabase crm = mongo.getDatabase("dc_crm_docs");
    crm.getCollection("theirs").insertOne(new Document("x", 1));
    crm.getCollection("profiles").createIndex(new Document("score", 1), named("their_score"));
    try (MongoTarget t = target(BOTH)) {
      StoreApplyResult r = t.apply(b);
      assertFalse(r.created().contains(coll("dc_crm_docs", "profiles")));
      assertEquals(8, r.created().size(), r.created().toString());
      // an index of theirs on a collection blueprint created goes with the collection
      crm.getCollection("consents").createIndex(new Document("granted", 1), named("their_granted"));

      List<StoreObject> recorded = new ArrayList<>(r.created());
      recorded.add(0, new StoreObject("neo4j", "INDEX", "dc_crm_docs.theirs", "x"));
      recorded.add(new StoreObject("cassandra", "TABLE", "dc_crm_docs", "theirs"));
      List<StoreObject> dropped = t.dropCreated(recorded);
      List<StoreObject> reversed = new ArrayList<>(r.created());
      java.util.Collections.reverse(reversed);
      assertEquals(reversed, dropped);

      Map<String, Map<String, Map<String, BsonDocument>>> left = snapshot("dc");
      assertEquals(Map.of(), left.get("dc_audit_store"));
      assertEquals(List.of("profiles", "theirs"), List.copyOf(left.get("dc_crm_docs").keySet()));
      assertEquals(
          List.of("_id_", "their_score"),
          List.copyOf(left.get("dc_crm_docs").get("profiles").keySet()));
      assertEquals(1, crm.getCollection("theirs").countDocuments());
      // no collection is left in dc_audit_store: MongoDB removes such a database; FerretDB v1 may
      // keep listing it empty, and blueprint never drops a database (see dropCreated)

      assertEquals(List.of(), t.dropCreated(recorded));
      assertEquals(left, snapshot("dc"));
    }
  }

  @Test
  void anUnreachableAddressIsOneErrorNamingIt() {
    int port = TestTools.freePort();
    Blueprint b = blueprint("down");
    long t0 = System.nanoTime();
    try (MongoTarget t =
        new MongoTarget(
            new MongoConnection("mongodb://someone:s3cret@127.0.0.1:" + port + "/", Set.of()))) {
      assertTrue(t.hasObjects(b));
      assertFalse(t.hasObjects(b.withArchitecture(Architecture.EMPTY)));
      assertEquals("mongodb://127.0.0.1:" + port, t.where());
      TargetException e = assertThrows(TargetException.class, () -> t.plan(b));
      System.out.printf(
          "unreachable: %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, e.getMessage());
      assertTrue(
          e.getMessage()
              .startsWith("cannot connect to MongoDB at mongodb://127.0.0.1:" + port + ": "),
          e.getMessage());
      assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
      assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }
    // closing an opened target twice never throws
    MongoTarget opened = target(BOTH);
    assertTrue(opened.plan(b).hasChanges());
    opened.close();
    opened.close();
  }

  @Test
  void aConnectionStringIsValidatedAndNeverPrintedWithItsPassword() {
    TargetException notMongo =
        assertThrows(
            TargetException.class, () -> new MongoConnection("postgres://u:s3cret@h:5432/x"));
    assertEquals(
        "a MongoDB connection string is needed (mongodb://HOST:PORT or mongodb+srv://HOST), got"
            + " postgres://***@h:5432/x",
        notMongo.getMessage());
    TargetException bad =
        assertThrows(TargetException.class, () -> new MongoConnection("mongodb://u:s3cret@"));
    assertTrue(
        bad.getMessage().startsWith("not a valid MongoDB connection string: mongodb://***@: "),
        bad.getMessage());
    assertFalse(bad.getMessage().contains("s3cret"), bad.getMessage());
    MongoConnection c =
        new MongoConnection(
            "mongodb://user:s3cret@db1:27017,db2:27018/app?authSource=admin", Set.of(Without.TTL));
    assertEquals("mongodb://db1:27017,db2:27018", c.where());
    assertFalse(c.toString().contains("s3cret"), c.toString());
    assertEquals(Without.VALIDATOR, Without.parse("Validator"));
    assertThrows(IllegalArgumentException.class, () -> Without.parse("capped"));
  }

  // --- the commands that no server here accepts, checked against the model and the datasets

  @Test
  void theCommandsCarryTheModelsValidatorsAndTtlsExactly() {
    Blueprint b = blueprint("cmd");
    Map<String, Dataset> datasets = new LinkedHashMap<>();
    b.architectureOrEmpty().datasets().forEach(d -> datasets.put(d.name(), d));
    Map<String, MongoDdl.Collection> model = new LinkedHashMap<>();
    MongoDdl.of(b).forEach(db -> db.collections().forEach(c -> model.put(c.dataset(), c)));

    List<MongoTarget.Step> steps = MongoTarget.steps(b, Set.of());
    int ttls = 0;
    for (MongoTarget.Step s : steps) {
      BsonDocument cmd = s.command();
      if (s.object().kind().equals("COLLECTION")) {
        MongoDdl.Collection c = model.get(s.object().name());
        // exactly what mongosh's createCollection(name, options) sends for the script
        BsonDocument expected = new BsonDocument("create", new BsonString(c.dataset()));
        expected.putAll(BsonDocument.parse(c.optionsJson()));
        assertEquals(expected, cmd);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(cmd.keySet()));
        assertEquals(Without.VALIDATOR, s.option());
        // and what the dataset asks for
        BsonDocument schema = cmd.getDocument("validator").getDocument("$jsonSchema");
        TreeSet<String> required = new TreeSet<>();
        TreeSet<String> all = new TreeSet<>();
        for (Field f : datasets.get(c.dataset()).fields()) {
          all.add(f.name());
          if (!f.isNullable()) {
            required.add(f.name());
          }
        }
        TreeSet<String> cmdRequired = new TreeSet<>();
        schema.getArray("required").forEach(v -> cmdRequired.add(v.asString().getValue()));
        assertEquals(required, cmdRequired, c.dataset());
        assertEquals(all, new TreeSet<>(schema.getDocument("properties").keySet()));
        assertEquals("object", schema.getString("bsonType").getValue());
        assertEquals("strict", cmd.getString("validationLevel").getValue());
        assertEquals("error", cmd.getString("validationAction").getValue());
      } else {
        BsonDocument spec = cmd.getArray("indexes").get(0).asDocument();
        assertEquals(1, cmd.getArray("indexes").size());
        assertEquals(
            s.object().scope().substring(s.object().scope().indexOf('.') + 1),
            cmd.getString("createIndexes").getValue());
        assertEquals(s.object().name(), spec.getString("name").getValue());
        if (spec.containsKey("expireAfterSeconds")) {
          ttls++;
          assertEquals(Without.TTL, s.option());
        } else {
          assertNull(s.option());
        }
      }
    }
    assertEquals(2, ttls);
    // the two TTL indexes, from the datasets' retention and date fields
    assertEquals(
        BsonDocument.parse(
            "{createIndexes: 'profiles', indexes: [{key: {created_at: 1}, name: 'profiles_ttl',"
                + " expireAfterSeconds: "
                + Duration.ofDays(400).toSeconds()
                + "}]}"),
        command(steps, "index cmd_crm_docs.profiles.profiles_ttl"));
    assertEquals(
        BsonDocument.parse(
            "{createIndexes: 'audit_docs', indexes: [{key: {at: 1}, name: 'audit_docs_ttl',"
                + " expireAfterSeconds: "
                + Duration.ofDays(7).toSeconds()
                + "}]}"),
        command(steps, "index cmd_audit_store.audit_docs.audit_docs_ttl"));
    assertEquals(
        BsonDocument.parse(
            "{createIndexes: 'consents', indexes: [{key: {subject: 1, purpose: 1}, name:"
                + " 'consents_pk', unique: true}]}"),
        command(steps, "index cmd_crm_docs.consents.consents_pk"));

    // left out: the same commands without those options, and nothing else changed
    List<MongoTarget.Step> without = MongoTarget.steps(b, Set.of(BOTH));
    assertEquals(steps.size(), without.size());
    for (int i = 0; i < steps.size(); i++) {
      BsonDocument full = steps.get(i).command().clone();
      for (String k : MongoTarget.VALIDATOR_OPTIONS) {
        full.remove(k);
      }
      if (full.containsKey("indexes")) {
        full.getArray("indexes").get(0).asDocument().remove("expireAfterSeconds");
      }
      assertEquals(full, without.get(i).command());
      assertNull(without.get(i).option());
    }
  }

  @Test
  void aValidatorIsComparedWithTheBlueprintsAndItsDifferenceNamed() {
    Blueprint b = blueprint("cmp");
    BsonDocument wanted = MongoTarget.steps(b, Set.of()).get(0).command().clone(); // audit_docs
    wanted.remove("create");
    BsonDocument info =
        new BsonDocument("name", new BsonString("audit_docs"))
            .append("type", new BsonString("collection"))
            .append("options", wanted.clone());
    assertNull(MongoTarget.collectionDiffers(info, wanted, Set.of()));
    // the server may answer the same validator with fields reordered and numbers retyped
    BsonDocument reordered = new BsonDocument();
    List<String> keys = new ArrayList<>(wanted.keySet());
    java.util.Collections.reverse(keys);
    keys.forEach(k -> reordered.append(k, wanted.get(k)));
    assertNull(
        MongoTarget.collectionDiffers(info.clone().append("options", reordered), wanted, Set.of()));

    BsonDocument fewer = wanted.clone();
    BsonDocument schema = fewer.getDocument("validator").getDocument("$jsonSchema");
    schema.put("required", new BsonArray(List.<BsonValue>of(new BsonString("at"))));
    fewer.put("validationLevel", new BsonString("moderate"));
    assertEquals(
        "validator differs: required fields [at] (blueprint: [_id, at]); validationLevel"
            + " moderate (blueprint: strict)",
        MongoTarget.collectionDiffers(info.clone().append("options", fewer), wanted, Set.of()));
    assertEquals(
        "no validator",
        MongoTarget.collectionDiffers(
            info.clone().append("options", new BsonDocument()), wanted, Set.of()));
    assertNull(
        MongoTarget.collectionDiffers(
            info.clone().append("options", new BsonDocument()), wanted, Set.of(Without.VALIDATOR)));
    assertEquals(
        "a view, not a collection",
        MongoTarget.collectionDiffers(
            info.clone().append("type", new BsonString("view")), wanted, Set.of(BOTH)));
  }

  private static BsonDocument command(List<MongoTarget.Step> steps, String label) {
    return steps.stream()
        .filter(s -> s.object().label().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError(label))
        .command();
  }

  private static StoreObject coll(String db, String name) {
    return new StoreObject("mongodb", "COLLECTION", db, name);
  }

  private static IndexOptions named(String name) {
    return new IndexOptions().name(name);
  }
}
