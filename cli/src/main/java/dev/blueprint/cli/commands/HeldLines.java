package dev.blueprint.cli.commands;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Lines for a writer, held back until a condition holds (e.g. a validation running beside the work
 * they report on has passed), then printed in order. Lines still held when the work fails are never
 * printed.
 */
final class HeldLines {
  private final PrintWriter writer;
  private final BooleanSupplier mayPrint;
  private final List<String> held = new ArrayList<>();

  HeldLines(PrintWriter writer, BooleanSupplier mayPrint) {
    this.writer = writer;
    this.mayPrint = mayPrint;
  }

  /** Prints the line now, after the held ones, when the condition holds; else holds it. */
  synchronized void println(String line) {
    if (held.isEmpty() && mayPrint.getAsBoolean()) {
      writer.println(line);
      return;
    }
    held.add(line);
    if (mayPrint.getAsBoolean()) {
      release();
    }
  }

  /** Prints every held line, whether or not the condition holds: the work has been accepted. */
  synchronized void release() {
    held.forEach(writer::println);
    held.clear();
  }
}
