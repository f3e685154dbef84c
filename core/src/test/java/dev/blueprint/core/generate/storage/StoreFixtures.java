package dev.blueprint.core.generate.storage;

import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Cache;
import dev.blueprint.core.model.CacheWritePolicy;
import dev.blueprint.core.model.DataFormat;
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
import java.util.List;

/**
 * A blueprint with a dataset in every store family; descriptions and one field name chosen by the
 * test.
 */
public final class StoreFixtures {
  private StoreFixtures() {}

  public static Blueprint allStores(String text, String oddField) {
    List<Field> fields =
        List.of(
            new Field("id", FieldType.LONG, false, text),
            new Field("owner_id", FieldType.STRING, true, text),
            new Field("created_at", FieldType.TIMESTAMP, false, null),
            new Field("amount", FieldType.DECIMAL, true, text),
            new Field(oddField, FieldType.JSON, true, text));
    Dataset relational =
        dataset("accounts", "sales", StoreFamily.RELATIONAL, "ledger", text, fields, List.of());
    Dataset wide =
        dataset(
            "events_by_owner",
            "sales",
            StoreFamily.WIDE_COLUMN,
            "events_cluster",
            text,
            fields,
            List.of());
    wide =
        new Dataset(
            wide.name(),
            text,
            "team",
            "sales",
            Zone.SERVING,
            StoreFamily.WIDE_COLUMN,
            null,
            "events_cluster",
            3,
            fields,
            List.of("owner_id", "created_at", "id"),
            List.of("owner_id"),
            List.of(),
            Duration.ofDays(30),
            List.of(),
            null);
    Dataset graph =
        dataset(
            "owner_graph",
            "risk",
            StoreFamily.GRAPH,
            "graph_db",
            text,
            fields,
            List.of(
                new Reference("owner_id", "accounts", "id"),
                new Reference("id", "other_nodes", null)));
    Dataset other =
        dataset("other_nodes", "risk", StoreFamily.GRAPH, "graph_db", text, fields, List.of());
    Dataset document =
        dataset(
            "profiles",
            "crm",
            StoreFamily.DOCUMENT,
            "crm_docs",
            text,
            fields,
            List.of(new Reference("owner_id", "accounts", null)));
    Dataset kv =
        dataset("scores", "risk", StoreFamily.KEY_VALUE, "scores_redis", text, fields, List.of());
    Dataset lake =
        new Dataset(
            "events_raw",
            text,
            "team",
            "sales",
            Zone.RAW,
            StoreFamily.OBJECT_STORAGE,
            DataFormat.JSON,
            null,
            null,
            fields,
            List.of("id"),
            List.of(),
            List.of(new Partition("created_at", PartitionTransform.HOUR)),
            Duration.ofDays(7),
            List.of(),
            null);
    Cache cache =
        new Cache(
            "score_cache",
            text,
            "scores",
            "score:{id}",
            Duration.ofMinutes(10),
            CacheWritePolicy.WRITE_THROUGH);
    return new Blueprint(
        1,
        new Engagement("all-stores", text, null, null, List.of(), null, text, text),
        null,
        List.of(),
        List.of(),
        new Architecture(
            List.of(relational, wide, graph, other, document, kv, lake),
            List.of(),
            List.of(),
            List.of(cache),
            List.of()));
  }

  static Dataset dataset(
      String name,
      String domain,
      StoreFamily store,
      String database,
      String text,
      List<Field> fields,
      List<Reference> refs) {
    return new Dataset(
        name,
        text,
        "team",
        domain,
        Zone.SERVING,
        store,
        null,
        database,
        2,
        fields,
        List.of("id"),
        List.of("owner_id"),
        List.of(),
        Duration.ofDays(400),
        refs,
        null);
  }
}
