package dev.blueprint.core.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing an advice never destroys files that the advisor did not write. */
class AdviceWriterTest {

  static Advice clickstream() throws Exception {
    Path req = Examples.root().resolve("examples/clickstream-analytics/requirements.yaml");
    return Advisor.advise(Validator.loadValid(req).blueprint());
  }

  static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void forceReplacesAnEarlierAdvice(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("advice");
    Advice advice = clickstream();
    AdviceWriter.writeAtomically(advice, out, false);
    Files.writeString(out.resolve(AdviceWriter.REPORT_MD), "edited by hand");
    AdviceWriter.writeAtomically(advice, out, true);
    assertEquals(List.of("blueprint.yaml", "report.json", "report.md"), names(out));
    assertTrue(Files.readString(out.resolve(AdviceWriter.REPORT_MD)).startsWith("# Architecture"));
    assertEquals(List.of("advice"), names(tmp), "no temporary folder is left behind");
  }

  @Test
  void forceRefusesAFolderWithFilesTheAdvisorDidNotWrite(@TempDir Path tmp) throws Exception {
    // `advise req.yaml -o ~ --force` must not wipe a home folder.
    Path out = Files.createDirectories(tmp.resolve("home"));
    Files.writeString(out.resolve("thesis.docx"), "years of work");
    Files.createDirectories(out.resolve(".ssh"));
    Files.writeString(out.resolve(AdviceWriter.BLUEPRINT), "old");
    ForeignFilesException e =
        assertThrows(
            ForeignFilesException.class,
            () -> AdviceWriter.writeAtomically(clickstream(), out, true));
    assertEquals(List.of(".ssh", "thesis.docx"), e.names());
    assertEquals(List.of(".ssh", "blueprint.yaml", "thesis.docx"), names(out));
    assertEquals("old", Files.readString(out.resolve(AdviceWriter.BLUEPRINT)));
    assertEquals(List.of("home"), names(tmp), "no temporary folder is left behind");
  }
}
