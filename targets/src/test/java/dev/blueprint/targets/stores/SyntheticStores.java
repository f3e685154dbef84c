package dev.blueprint.targets.stores;

import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Engagement;
import dev.blueprint.core.model.Field;
import dev.blueprint.core.model.FieldType;
import dev.blueprint.core.model.Partition;
import dev.blueprint.core.model.PartitionTransform;
import dev.blueprint.core.model.Reference;
import dev.blueprint.core.model.StoreFamily;
import dev.blueprint.core.model.Zone;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A blueprint with datasets in the wide-column, graph and document stores that the examples do not
 * cover: every field type, composite keys, clustering in both orders, retention with and without a
 * TTL (one beyond Cassandra's 20-year limit), field names that are reserved words in CQL and
 * Cypher, and descriptions with quotes, semicolons and comment markers.
 */
final class SyntheticStores {
  private SyntheticStores() {}

  /** Text with every character that could end a string, statement or comment early. */
  static final String NASTY = "O'Brien's \"rows\"; -- not a comment /* nor this */ // `tick` $x";

  static Blueprint blueprint() {
    List<Dataset> datasets = new ArrayList<>();
    datasets.add(
        dataset(
            "accounts",
            StoreFamily.RELATIONAL,
            "ledger",
            everyType(),
            List.of("id"),
            List.of(),
            List.of(),
            null,
            List.of()));
    // wide-column: identity key as partition key, a timestamp and an id as clustering columns
    datasets.add(
        dataset(
            "events_by_owner",
            StoreFamily.WIDE_COLUMN,
            "events_cluster",
            everyType(),
            List.of("owner_id", "created_at", "id"),
            List.of("owner_id"),
            List.of(),
            Duration.ofDays(30),
            List.of()));
    // wide-column: the partitioning field as partition key; reserved words as column names;
    // retention beyond Cassandra's TTL limit (a note, no TTL)
    datasets.add(
        dataset(
            "device_readings",
            StoreFamily.WIDE_COLUMN,
            "archive_cluster",
            List.of(
                new Field("reading_day", FieldType.DATE, false, NASTY),
                new Field("token", FieldType.STRING, false, null),
                new Field("order", FieldType.INT, false, null),
                new Field("select", FieldType.DOUBLE, true, null),
                new Field("payload", FieldType.JSON, true, null)),
            List.of("reading_day", "token", "order"),
            List.of(),
            List.of(new Partition("reading_day", PartitionTransform.IDENTITY)),
            Duration.ofDays(365 * 25),
            List.of()));
    // wide-column: no identity key, no partitioning: leading fields up to the first timestamp
    datasets.add(
        dataset(
            "tenant_buckets",
            StoreFamily.WIDE_COLUMN,
            "archive_cluster",
            List.of(
                new Field("tenant", FieldType.STRING, false, null),
                new Field("region", FieldType.STRING, false, null),
                new Field("bucket_time", FieldType.TIMESTAMP, false, null),
                new Field("seq", FieldType.LONG, false, null),
                new Field("total", FieldType.DECIMAL, true, null)),
            List.of("tenant", "region", "bucket_time", "seq"),
            List.of(),
            List.of(),
            null,
            List.of()));
    // graph: single key, identity keys, a reference to another database and one inside the graph
    datasets.add(
        dataset(
            "owner_graph",
            StoreFamily.GRAPH,
            "graph_db",
            everyType(),
            List.of("id"),
            List.of("owner_id", "fingerprint"),
            List.of(),
            null,
            List.of(
                new Reference("owner_id", "accounts", "id"),
                new Reference("linked_id", "device_nodes", null))));
    // graph: a composite key with a reserved word (a composite uniqueness constraint)
    datasets.add(
        dataset(
            "device_nodes",
            StoreFamily.GRAPH,
            "graph_db",
            List.of(
                new Field("kind", FieldType.STRING, false, null),
                new Field("match", FieldType.STRING, false, NASTY),
                new Field("seen_at", FieldType.TIMESTAMP, true, null)),
            List.of("kind", "match"),
            List.of(),
            List.of(),
            null,
            List.of()));
    // document: every type, TTL on the timestamp, identity key, reference
    datasets.add(
        dataset(
            "profiles",
            StoreFamily.DOCUMENT,
            "crm_docs",
            everyType(),
            List.of("id"),
            List.of("owner_id", "fingerprint"),
            List.of(),
            Duration.ofDays(400),
            List.of(new Reference("owner_id", "accounts", null))));
    // document: composite key, retention but no date field (a note), _id as key elsewhere
    datasets.add(
        dataset(
            "consents",
            StoreFamily.DOCUMENT,
            "crm_docs",
            List.of(
                new Field("subject", FieldType.STRING, false, NASTY),
                new Field("purpose", FieldType.STRING, false, null),
                new Field("granted", FieldType.BOOLEAN, false, null)),
            List.of("subject", "purpose"),
            List.of(),
            List.of(),
            Duration.ofDays(90),
            List.of()));
    datasets.add(
        dataset(
            "audit_docs",
            StoreFamily.DOCUMENT,
            "audit_store",
            List.of(
                new Field("_id", FieldType.UUID, false, null),
                new Field("at", FieldType.DATE, false, null),
                new Field("what", FieldType.JSON, true, null)),
            List.of("_id"),
            List.of(),
            List.of(),
            Duration.ofDays(7),
            List.of()));
    return new Blueprint(
        1,
        new Engagement("every-store", NASTY, null, null, List.of(), null, NASTY, NASTY),
        null,
        List.of(),
        List.of(),
        new Architecture(datasets, List.of(), List.of(), List.of(), List.of()));
  }

  private static List<Field> everyType() {
    List<Field> fields = new ArrayList<>();
    fields.add(new Field("id", FieldType.LONG, false, NASTY));
    fields.add(new Field("owner_id", FieldType.STRING, false, null));
    fields.add(new Field("created_at", FieldType.TIMESTAMP, false, null));
    fields.add(new Field("fingerprint", FieldType.STRING, true, null));
    fields.add(new Field("linked_id", FieldType.STRING, true, null));
    fields.add(new Field("count", FieldType.INT, true, null));
    fields.add(new Field("score", FieldType.DOUBLE, true, null));
    fields.add(new Field("amount", FieldType.DECIMAL, true, null));
    fields.add(new Field("active", FieldType.BOOLEAN, true, null));
    fields.add(new Field("born_on", FieldType.DATE, true, null));
    fields.add(new Field("uuid", FieldType.UUID, true, null));
    fields.add(new Field("raw", FieldType.BYTES, true, null));
    fields.add(new Field("attributes", FieldType.JSON, true, null));
    return fields;
  }

  private static Dataset dataset(
      String name,
      StoreFamily store,
      String database,
      List<Field> fields,
      List<String> primaryKey,
      List<String> identityKeys,
      List<Partition> partitioning,
      Duration retention,
      List<Reference> references) {
    return new Dataset(
        name,
        NASTY,
        "team",
        "domain",
        Zone.SERVING,
        store,
        null,
        database,
        3,
        fields,
        primaryKey,
        identityKeys,
        partitioning,
        retention,
        references,
        null);
  }
}
