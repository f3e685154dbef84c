package dev.blueprint.core.generate.storage;

import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Field;
import dev.blueprint.core.model.FieldType;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV dialect of CSV datasets (RFC 4180 with a header line, UTF-8, LF) and how each logical
 * type is written as text, for the {@code .csv.md} description of a dataset.
 */
public final class CsvDialect {
  public static final String DELIMITER = ",";
  public static final String QUOTE = "\"";
  public static final String ENCODING = "UTF-8 without byte-order mark";
  public static final String LINE_END = "LF (\\n)";

  private CsvDialect() {}

  /**
   * One column.
   *
   * @param name the field name
   * @param type the logical type
   * @param nullable whether the value may be missing
   * @param textFormat how a value is written
   * @param description the field's description, or ""
   */
  public record Column(
      String name, String type, boolean nullable, String textFormat, String description) {}

  /** The header line: the field names, quoted where RFC 4180 requires it. */
  public static String header(Dataset d) {
    List<String> names = new ArrayList<>();
    for (Field f : d.fields()) {
      names.add(quote(f.name()));
    }
    return String.join(DELIMITER, names);
  }

  /** An RFC 4180 field: quoted when it holds a delimiter, quote, line break or edge space. */
  public static String quote(String value) {
    boolean needs =
        value.contains(DELIMITER)
            || value.contains(QUOTE)
            || value.contains("\n")
            || value.contains("\r")
            || !value.equals(value.strip());
    return needs ? QUOTE + value.replace(QUOTE, QUOTE + QUOTE) + QUOTE : value;
  }

  public static List<Column> columns(Dataset d) {
    List<Column> out = new ArrayList<>();
    for (Field f : d.fields()) {
      FieldType t = f.type() == null ? FieldType.STRING : f.type();
      out.add(
          new Column(
              f.name(),
              t.name().toLowerCase(java.util.Locale.ROOT),
              f.isNullable(),
              textFormat(t),
              f.description() == null ? "" : f.description()));
    }
    return out;
  }

  static String textFormat(FieldType t) {
    return switch (t) {
      case STRING -> "text as is; quoted when it holds a comma, quote or line break";
      case INT -> "decimal digits, optional leading minus (32-bit)";
      case LONG -> "decimal digits, optional leading minus (64-bit)";
      case DOUBLE -> "decimal number with '.' as separator, e.g. 12.5 or 1.0E-3";
      case DECIMAL -> "plain decimal, '.' separator, at most 9 fraction digits, e.g. 1234.50";
      case BOOLEAN -> "true or false";
      case DATE -> "ISO-8601 date, e.g. 2026-01-31";
      case TIMESTAMP -> "ISO-8601 UTC with microseconds, e.g. 2026-01-31T23:59:59.123456Z";
      case UUID -> "lowercase 8-4-4-4-12 hex, e.g. 123e4567-e89b-12d3-a456-426614174000";
      case BYTES -> "base64 (RFC 4648)";
      case JSON -> "JSON text, quoted";
    };
  }

  /** A Markdown code fence longer than any backtick run in the text. */
  public static String fence(String text) {
    int longest = 0;
    int run = 0;
    for (char c : text.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }
}
