package dev.blueprint.core.advice.knowledge;

import dev.blueprint.core.model.Field;
import java.util.List;

/** The starter schema and behaviour of one source kind. */
public record SourceTemplate(
    String kind,
    Boolean push,
    Boolean ordered,
    String streamSuffix,
    String entity,
    String consolidatedName,
    String key,
    List<String> primaryKey,
    List<String> identityKeys,
    String eventTime,
    List<Field> fields,
    String source) {
  public SourceTemplate {
    primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
    identityKeys = identityKeys == null ? List.of() : List.copyOf(identityKeys);
    fields = fields == null ? List.of() : List.copyOf(fields);
  }
}
