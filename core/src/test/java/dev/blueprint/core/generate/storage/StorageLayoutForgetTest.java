package dev.blueprint.core.generate.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.generate.Contributor;
import dev.blueprint.core.generate.GenerationContext;
import dev.blueprint.core.generate.Generator;
import dev.blueprint.core.generate.GeneratorOptions;
import dev.blueprint.core.model.Blueprint;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sorted datasets, their entries and the storage index are kept while a blueprint renders and
 * let go when its generation ends, succeeded or failed: a long-running worker holds nothing of a
 * finished generation.
 */
class StorageLayoutForgetTest {

  @Test
  void keptWhileRenderingAndLetGoWhenTheGenerationEnds(@TempDir Path dir) throws Exception {
    Blueprint b = Generated.clickstream();
    List<DatasetEntry> first = StorageLayout.entries(b);
    assertSame(first, StorageLayout.entries(b), "asked twice, made once");
    assertTrue(StorageLayout.keeps(b));

    Generator.standard().generate(b, dir.resolve("out"), GeneratorOptions.defaults("test"));

    assertFalse(StorageLayout.keeps(b));
  }

  @Test
  void letGoWhenTheGenerationFails(@TempDir Path dir) throws Exception {
    Blueprint b = Generated.clickstream();
    Contributor usesTheLayoutThenFails =
        new Contributor() {
          @Override
          public String name() {
            return "fails";
          }

          @Override
          public void contribute(GenerationContext context) {
            StorageLayout.entries(context.blueprint());
            assertTrue(StorageLayout.keeps(context.blueprint()));
            throw new IllegalStateException("a contributor failed");
          }
        };

    assertThrows(
        IllegalStateException.class,
        () ->
            new Generator(List.of(usesTheLayoutThenFails), 2)
                .generate(b, dir.resolve("out"), GeneratorOptions.defaults("test")));

    assertFalse(StorageLayout.keeps(b));
  }
}
