package dev.blueprint.core.generate.storage;

import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Field;
import dev.blueprint.core.model.FieldType;
import java.util.Map;

/**
 * Parquet message types in the text form that parquet-mr's {@code MessageTypeParser} reads and
 * {@code MessageType.toString()} writes. Timestamps are INT64 TIMESTAMP(MICROS,true) (UTC
 * adjusted), decimals FIXED_LEN_BYTE_ARRAY(16) DECIMAL(38,9), UUIDs FIXED_LEN_BYTE_ARRAY(16) UUID.
 */
public final class ParquetSchemas {
  private ParquetSchemas() {}

  /** The message type; names are reduced to letters, digits and '_'. */
  public static String of(Dataset d) {
    StringBuilder sb = new StringBuilder("message ").append(name(d.name())).append(" {\n");
    for (Map.Entry<Field, String> e :
        FieldNames.unique(d.fields(), ParquetSchemas::name).entrySet()) {
      Field f = e.getKey();
      sb.append("  ")
          .append(f.isNullable() ? "optional " : "required ")
          .append(type(f.type()).replace("%s", e.getValue()))
          .append(";\n");
    }
    return sb.append("}\n").toString();
  }

  /** The column declaration with %s for the name, e.g. "int32 %s (DATE)". */
  static String type(FieldType t) {
    return switch (t == null ? FieldType.STRING : t) {
      case STRING -> "binary %s (STRING)";
      case INT -> "int32 %s";
      case LONG -> "int64 %s";
      case DOUBLE -> "double %s";
      case BOOLEAN -> "boolean %s";
      case BYTES -> "binary %s";
      case JSON -> "binary %s (JSON)";
      case DATE -> "int32 %s (DATE)";
      case TIMESTAMP -> "int64 %s (TIMESTAMP(MICROS,true))";
      case UUID -> "fixed_len_byte_array(16) %s (UUID)";
      case DECIMAL ->
          "fixed_len_byte_array(16) %s (DECIMAL("
              + AvroSchemas.DECIMAL_PRECISION
              + ","
              + AvroSchemas.DECIMAL_SCALE
              + "))";
    };
  }

  static String name(String s) {
    return StorageNames.avroName(s);
  }
}
