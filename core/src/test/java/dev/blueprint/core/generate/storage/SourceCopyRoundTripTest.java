package dev.blueprint.core.generate.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.load.BlueprintMapper;
import dev.blueprint.core.model.Blueprint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The copy of the blueprint a generation keeps in .blueprint/blueprint.yaml must load again with
 * the strict loader: a derived getter such as Task.isCompensation() must not be written as a
 * property the loader then refuses.
 */
class SourceCopyRoundTripTest {
  @Test
  void everyExampleWritesAYamlCopyThatLoadsBackEqual() throws Exception {
    for (Path example : Generated.exampleBlueprints()) {
      Blueprint b = Generated.load(example);
      String yaml = BlueprintMapper.yaml().writeValueAsString(b);
      Blueprint back =
          BlueprintLoader.parse("copy of " + example, yaml.getBytes(StandardCharsets.UTF_8))
              .blueprint();
      // nullable: absent and nullable: true mean the same; compare what is written
      assertEquals(yaml, BlueprintMapper.yaml().writeValueAsString(back), example.toString());
    }
  }
}
