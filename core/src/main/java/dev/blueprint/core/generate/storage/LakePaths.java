package dev.blueprint.core.generate.storage;

import dev.blueprint.core.generate.Naming;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Partition;
import dev.blueprint.core.model.PartitionTransform;
import dev.blueprint.core.model.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where object-storage datasets live in the lake, relative to the lake bucket: the folder of {@link
 * Naming#lakePath} (the same folder the DAGs' Asset URIs name) followed by one Hive-style folder
 * per partition level, e.g. {@code clean/web-analytics/page_views_clean/event_date={event_date}/}.
 */
public final class LakePaths {
  private LakePaths() {}

  /** The dataset's folder relative to the bucket, ending in '/'. */
  public static String base(Dataset d) {
    return Naming.lakePath(d) + "/";
  }

  /** The dataset's folder as a URI, e.g. s3://clickstream-analytics-lake/raw/web/page_views/. */
  public static String uri(Blueprint b, Dataset d) {
    return Naming.lakeUri(b, d);
  }

  /** The lake bucket's URI, ending in '/'. */
  public static String root(Blueprint b) {
    return "s3://" + Naming.lakeBucket(b) + "/";
  }

  /** The folder with partition placeholders, ending in '/'. */
  public static String withPartitions(Dataset d) {
    StringBuilder sb = new StringBuilder(base(d));
    for (PartitionColumn p : partitionColumns(d)) {
      sb.append(p.column()).append("={").append(p.column()).append("}/");
    }
    return sb.toString();
  }

  /** The zone folder name: raw, clean, curated or serving. */
  public static String zone(Dataset d) {
    return (d.zone() == null ? Zone.RAW : d.zone()).name().toLowerCase(Locale.ROOT);
  }

  /** The partition levels as folder keys with the format of their values. */
  public static List<PartitionColumn> partitionColumns(Dataset d) {
    List<PartitionColumn> out = new ArrayList<>();
    for (Partition p : d.partitioning()) {
      PartitionTransform t = p.transformOrIdentity();
      String field = StorageNames.fileStem(p.field());
      String column =
          t == PartitionTransform.IDENTITY
              ? field
              : field + "_" + t.name().toLowerCase(Locale.ROOT);
      String format =
          switch (t) {
            case IDENTITY -> "the field's value";
            case YEAR -> "yyyy";
            case MONTH -> "yyyy-MM";
            case DAY -> "yyyy-MM-dd";
            case HOUR -> "yyyy-MM-dd-HH";
          };
      out.add(new PartitionColumn(p.field(), t.name().toLowerCase(Locale.ROOT), column, format));
    }
    return out;
  }

  /**
   * One partition level.
   *
   * @param field the dataset field it is computed from
   * @param transform identity, year, month, day or hour
   * @param column the folder key, e.g. event_time_day
   * @param valueFormat how the value is written in the folder name, e.g. yyyy-MM-dd
   */
  public record PartitionColumn(
      String field, String transform, String column, String valueFormat) {}
}
