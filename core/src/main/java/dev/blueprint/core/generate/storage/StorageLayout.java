package dev.blueprint.core.generate.storage;

import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Cache;
import dev.blueprint.core.model.DataFormat;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Durations;
import dev.blueprint.core.model.Reference;
import dev.blueprint.core.model.Zone;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The storage layout of a blueprint: every dataset with its zone, store, format, path with
 * partitioning, retention, owner, keys, schema and DDL files. Datasets are sorted by zone (raw,
 * clean, curated, serving) and name.
 */
public final class StorageLayout {
  private StorageLayout() {}

  /** Every dataset's entry, sorted by zone and name. */
  public static List<DatasetEntry> entries(Blueprint b) {
    Memo<Blueprint, List<DatasetEntry>> m = lastEntries.get();
    if (m != null && m.key() == b) {
      return m.value();
    }
    Architecture a = b.architectureOrEmpty();
    List<DatasetEntry> out = new ArrayList<>();
    for (Dataset d : sorted(a.datasets())) {
      out.add(entry(d, b));
    }
    List<DatasetEntry> entries = Collections.unmodifiableList(out);
    lastEntries.set(new Memo<>(b, entries));
    return entries;
  }

  /** Datasets sorted by zone order, then name. */
  public static List<Dataset> sorted(List<Dataset> datasets) {
    Memo<List<Dataset>, List<Dataset>> m = lastSorted.get();
    if (m != null && m.key() == datasets) {
      return m.value();
    }
    List<Dataset> out =
        datasets.stream()
            .sorted(
                Comparator.comparing(
                        (Dataset d) -> d.zone() == null ? Zone.values().length : d.zone().ordinal())
                    .thenComparing(Dataset::name))
            .toList();
    lastSorted.set(new Memo<>(datasets, out));
    return out;
  }

  /**
   * The last result of a computation for one (immutable) argument, compared by identity. A
   * generation asks for the sorted datasets about ten times and for the entries three times (the
   * layout, its README and the architecture page); at 10,000 pipelines sorting 20,000 datasets and
   * making their entries each time was about 5% of the CPU samples. One slot each, emptied by
   * {@link #forget} when the generation ends, so that a long-running worker does not hold a
   * finished generation's lists; generations running at once only share the slot (a miss computes
   * the list again).
   */
  private record Memo<K, V>(K key, V value) {}

  private static final AtomicReference<Memo<List<Dataset>, List<Dataset>>> lastSorted =
      new AtomicReference<>();
  private static final AtomicReference<Memo<Blueprint, List<DatasetEntry>>> lastEntries =
      new AtomicReference<>();

  /**
   * Lets go of what is kept for {@code b}: its sorted datasets, their entries and the storage index
   * of its architecture. The generator calls it when a generation of {@code b} ends.
   */
  public static void forget(Blueprint b) {
    Architecture a = b.architectureOrEmpty();
    Memo<Blueprint, List<DatasetEntry>> e = lastEntries.get();
    if (e != null && e.key() == b) {
      lastEntries.compareAndSet(e, null);
    }
    Memo<List<Dataset>, List<Dataset>> s = lastSorted.get();
    if (s != null && s.key() == a.datasets()) {
      lastSorted.compareAndSet(s, null);
    }
    StorageIndex.forget(a);
  }

  /** True while anything is kept for {@code b} (see {@link #forget}). */
  static boolean keeps(Blueprint b) {
    Architecture a = b.architectureOrEmpty();
    Memo<Blueprint, List<DatasetEntry>> e = lastEntries.get();
    Memo<List<Dataset>, List<Dataset>> s = lastSorted.get();
    return (e != null && e.key() == b)
        || (s != null && s.key() == a.datasets())
        || StorageIndex.keeps(a);
  }

  static DatasetEntry entry(Dataset d, Blueprint b) {
    Architecture a = b.architectureOrEmpty();
    StorageIndex index = StorageIndex.of(a, b.consumers());
    List<String> refs = new ArrayList<>();
    for (Reference r : d.references()) {
      refs.add(r.field() + " -> " + r.dataset() + "." + targetField(r, a));
    }
    return new DatasetEntry(
        d.name(),
        d.description(),
        LakePaths.zone(d),
        Stores.family(d.store()),
        Stores.technology(d.store()),
        d.format() == null ? null : d.format().name().toLowerCase(Locale.ROOT),
        d.database(),
        isLake(d) ? LakePaths.uri(b, d) : null,
        dev.blueprint.core.generate.Naming.assetUri(b, d),
        isLake(d) ? LakePaths.base(d) : null,
        isLake(d) ? LakePaths.withPartitions(d) : null,
        Stores.location(d, b),
        LakePaths.partitionColumns(d),
        d.retention() == null ? null : Durations.format(d.retention()),
        d.retention() == null ? null : d.retention().toDays(),
        d.owner(),
        d.domain(),
        d.primaryKey(),
        d.identityKeys(),
        refs,
        schemaFiles(d, b),
        Stores.ddlFile(d, b),
        index.writers(d.name()),
        index.readers(d.name()),
        index.consumers(d.name()),
        index.valueStreams(d.name()),
        index.caches(d.name()));
  }

  static boolean isLake(Dataset d) {
    return d.store() == dev.blueprint.core.model.StoreFamily.OBJECT_STORAGE;
  }

  /** The referenced field: as given, else the referenced dataset's single primary key. */
  public static String targetField(Reference r, Architecture a) {
    if (r.targetField() != null && !r.targetField().isBlank()) {
      return r.targetField();
    }
    return a.dataset(r.dataset())
        .filter(t -> !t.primaryKey().isEmpty())
        .map(t -> String.join(",", t.primaryKey()))
        .orElse(r.field());
  }

  /** The schema files generated for a dataset, sorted. */
  public static List<String> schemaFiles(Dataset d, Blueprint b) {
    Set<String> out = new TreeSet<>();
    String stem = "storage/schemas/" + StorageNames.fileStem(d.name());
    if (d.format() == DataFormat.AVRO || isStreamValue(d, b)) {
      out.add(stem + ".avsc");
    }
    if (d.format() == DataFormat.JSON) {
      out.add(stem + ".schema.json");
    }
    if (d.format() == DataFormat.PARQUET) {
      out.add(stem + ".parquet.txt");
    }
    if (d.format() == DataFormat.CSV) {
      out.add(stem + ".csv.md");
    }
    return List.copyOf(out);
  }

  /** True when a stream's messages carry this dataset's records (Kafka values are Avro). */
  public static boolean isStreamValue(Dataset d, Blueprint b) {
    return !StorageIndex.of(b.architectureOrEmpty(), b.consumers())
        .valueStreams(d.name())
        .isEmpty();
  }

  /** The whole storage/layout.yaml document. */
  public static Map<String, Object> document(Blueprint b) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("generatedBy", "blueprint");
    if (b.engagement() != null && b.engagement().id() != null) {
      doc.put("engagement", b.engagement().id());
    }
    doc.put("lakeRoot", LakePaths.root(b));
    doc.put(
        "zones",
        List.of("raw", "clean", "curated", "serving").stream()
            .map(
                z -> {
                  Map<String, Object> zm = new LinkedHashMap<>();
                  zm.put("name", z);
                  zm.put("purpose", zonePurpose(z));
                  return zm;
                })
            .toList());
    List<Map<String, Object>> datasets = new ArrayList<>();
    for (DatasetEntry e : entries(b)) {
      datasets.add(e.toYaml());
    }
    doc.put("datasets", datasets);
    List<Map<String, Object>> caches = new ArrayList<>();
    for (Cache c : b.architectureOrEmpty().caches()) {
      caches.add(RedisKeys.ofCache(c, b).toYaml());
    }
    if (!caches.isEmpty()) {
      doc.put("caches", caches);
    }
    return doc;
  }

  /** What each zone is for. */
  public static String zonePurpose(String zone) {
    return switch (zone) {
      case "raw" -> "Data exactly as received, kept for replays and audits; never edited.";
      case "clean" -> "Deduplicated, validated and typed data with a stable schema.";
      case "curated" -> "Joined, consolidated and aggregated data modelled for analysis.";
      case "serving" -> "Data shaped for one application's reads, in the store that serves them.";
      default -> "";
    };
  }
}
