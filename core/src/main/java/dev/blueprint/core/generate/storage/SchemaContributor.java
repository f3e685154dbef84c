package dev.blueprint.core.generate.storage;

import dev.blueprint.core.generate.Contributor;
import dev.blueprint.core.generate.GenerationContext;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.problem.ProblemException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@code storage/schemas/}: an Avro {@code .avsc} for Avro datasets and for every stream's
 * value dataset, a JSON Schema for JSON datasets, a Parquet message type for Parquet datasets and a
 * header-and-dialect description for CSV datasets.
 */
public final class SchemaContributor implements Contributor {

  @Override
  public String name() {
    return "storage-schemas";
  }

  @Override
  public void contribute(GenerationContext context) throws IOException, ProblemException {
    Blueprint b = context.blueprint();
    String engagement = Stores.engagementId(b);
    for (Dataset d : StorageLayout.sorted(b.architectureOrEmpty().datasets())) {
      for (String file : StorageLayout.schemaFiles(d, b)) {
        if (file.endsWith(".avsc")) {
          context.out().write(file, w -> StructuredText.json(AvroSchemas.of(d, engagement), w));
        } else if (file.endsWith(".schema.json")) {
          context.out().write(file, w -> StructuredText.json(JsonSchemas.of(d, engagement), w));
        } else if (file.endsWith(".parquet.txt")) {
          context.out().write(file, () -> ParquetSchemas.of(d));
        } else if (file.endsWith(".csv.md")) {
          Map<String, Object> model = new LinkedHashMap<>();
          model.put("dataset", d);
          String header = CsvDialect.header(d);
          model.put("header", header);
          model.put("fence", CsvDialect.fence(header));
          model.put("columns", CsvDialect.columns(d));
          model.put("delimiter", CsvDialect.DELIMITER);
          model.put("quote", CsvDialect.QUOTE);
          model.put("encoding", CsvDialect.ENCODING);
          model.put("lineEnd", CsvDialect.LINE_END);
          context.render("storage/schema.csv.md.ftl", "dataset " + d.name(), model, file);
        }
      }
    }
  }
}
