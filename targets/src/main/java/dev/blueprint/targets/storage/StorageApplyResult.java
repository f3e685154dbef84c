package dev.blueprint.targets.storage;

import dev.blueprint.core.ddl.SqlStatement;
import java.util.List;

/**
 * What one apply did, committed as one transaction.
 *
 * @param created the schemas, tables and indexes this run created; the engagement records them and
 *     hands them to {@link StorageApplier#dropCreated} in its compensation
 * @param executed how many statements ran (comments included)
 */
public record StorageApplyResult(List<SqlStatement> created, int executed) {

  public StorageApplyResult {
    created = List.copyOf(created);
  }
}
