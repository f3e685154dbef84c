package dev.blueprint.core.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A table cell keeps its text on one line, with pipes and backslashes escaped. */
class MarkdownReportCellTest {

  @Test
  void everyKindOfLineBreakBecomesOneSpaceWithItsBlanks() {
    assertEquals("a b", MarkdownReport.cell("a \n  b"));
    assertEquals("a b", MarkdownReport.cell("a\r\nb"));
    assertEquals("a b c d e f", MarkdownReport.cell("a\u000Bb\u000Cc\u0085d\u2028e\u2029f"));
    assertEquals("x \\| y \\\\ z", MarkdownReport.cell("  x | y \\ z  "));
    assertEquals("plain text", MarkdownReport.cell("plain text"));
    assertEquals("", MarkdownReport.cell(null));
  }
}
