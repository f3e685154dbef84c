package dev.blueprint.cli.commands;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads YYYY-MM-DD, and says so in the user's words (not java.time's) when the value is wrong. */
final class IsoDateConverter implements ITypeConverter<LocalDate> {
  @Override
  public LocalDate convert(String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'" + value + "' is not a date; write YYYY-MM-DD, e.g. 2026-03-01");
    }
  }
}
