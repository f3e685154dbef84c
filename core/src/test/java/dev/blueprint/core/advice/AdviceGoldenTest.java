package dev.blueprint.core.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.load.LoadedBlueprint;
import dev.blueprint.core.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Pins the advice for every example: examples/NAME/advice/{blueprint.yaml,report.md,report.json}.
 * Run with -Dblueprint.golden.update=true to rewrite them after an intended change.
 */
class AdviceGoldenTest {
  private static final boolean UPDATE = Boolean.getBoolean("blueprint.golden.update");

  @TestFactory
  Stream<DynamicTest> adviceMatchesTheGoldenFiles() throws Exception {
    List<Path> reqs = Examples.requirements();
    assertFalse(reqs.isEmpty(), "no examples found under " + Examples.root());
    return reqs.stream()
        .map(
            req ->
                DynamicTest.dynamicTest(
                    req.getParent().getFileName().toString(),
                    () -> {
                      LoadedBlueprint loaded = Validator.loadValid(req);
                      Advice advice = Advisor.advise(loaded.blueprint());
                      Path golden = req.getParent().resolve("advice");
                      Path out = Files.createTempDirectory("advice-golden");
                      AdviceWriter.write(advice, out);
                      for (String f :
                          List.of(
                              AdviceWriter.BLUEPRINT,
                              AdviceWriter.REPORT_MD,
                              AdviceWriter.REPORT_JSON)) {
                        String actual = Files.readString(out.resolve(f), StandardCharsets.UTF_8);
                        if (UPDATE) {
                          Files.createDirectories(golden);
                          Files.writeString(golden.resolve(f), actual, StandardCharsets.UTF_8);
                        } else {
                          assertTrue(
                              Files.exists(golden.resolve(f)),
                              golden.resolve(f)
                                  + " is missing; run with -Dblueprint.golden.update=true");
                          assertEquals(
                              Files.readString(golden.resolve(f), StandardCharsets.UTF_8),
                              actual,
                              golden.resolve(f)
                                  + " differs; if the change is intended, run with"
                                  + " -Dblueprint.golden.update=true");
                        }
                      }
                    }));
  }
}
