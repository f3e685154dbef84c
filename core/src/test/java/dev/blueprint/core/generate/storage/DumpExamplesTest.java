package dev.blueprint.core.generate.storage;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.blueprint.core.generate.Contributor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A development aid, skipped unless {@code -Dstorage.dump=DIR} is given: renders every example with
 * the storage and docs contributors into DIR/NAME so that a person can read the output.
 */
class DumpExamplesTest {
  @Test
  void dump() throws Exception {
    String target = System.getProperty("storage.dump");
    assumeTrue(target != null && !target.isBlank(), "set -Dstorage.dump=DIR to render examples");
    for (Path example : Generated.exampleBlueprints()) {
      Path out = Path.of(target).resolve(example.getParent().getFileName().toString());
      dev.blueprint.core.generate.Generator.deleteRecursively(out);
      Generated.run(Generated.load(example), out, contributors());
    }
  }

  static Contributor[] contributors() {
    return new Contributor[] {
      new SchemaContributor(),
      new DdlContributor(),
      new StorageLayoutContributor(),
      new dev.blueprint.core.generate.docs.DecisionRecordsContributor(),
      new dev.blueprint.core.generate.docs.ArchitectureContributor(),
      new dev.blueprint.core.generate.docs.RepositoryReadmeContributor()
    };
  }
}
