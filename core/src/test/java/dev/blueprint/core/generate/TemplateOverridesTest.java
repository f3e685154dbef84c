package dev.blueprint.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.testing.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A --templates folder may not reach outside itself through a symbolic link. */
class TemplateOverridesTest {

  @Test
  void aLinkToATemplateOutsideTheFolderIsRefusedWithItsRuleId(@TempDir Path dir) throws Exception {
    Path outside = Files.writeString(dir.resolve("outside.ftl"), "# not ours\n");
    Path templates = Files.createDirectories(dir.resolve("templates/airflow"));
    Path link = Files.createSymbolicLink(templates.resolve("dag.py.ftl"), outside);
    Path target = dir.resolve("out");

    ProblemException e =
        assertThrows(
            ProblemException.class,
            () ->
                Generator.standard()
                    .generate(
                        Examples.clickstream(),
                        target,
                        GeneratorOptions.defaults("test")
                            .withTemplatesDir(dir.resolve("templates"))));
    Problem p = e.problems().get(0);
    assertEquals("BP-GEN-005", p.ruleId());
    assertEquals(link.toString(), p.location().file());
    assertEquals(
        "the template airflow/dag.py.ftl is a symbolic link to "
            + outside.toRealPath()
            + ", outside the templates folder "
            + dir.resolve("templates").toRealPath(),
        p.message());
    assertFalse(Files.exists(target), "nothing generated");
  }

  @Test
  void aLinkInsideTheFolderIsFine(@TempDir Path dir) throws Exception {
    Path templates = Files.createDirectories(dir.resolve("templates/docs"));
    Path real = Files.writeString(templates.resolve("notes.txt"), "x\n");
    Files.createSymbolicLink(templates.resolve("alias.txt"), real);
    Templates.checkOverrides(dir.resolve("templates"));
  }
}
