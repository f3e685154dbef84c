package dev.blueprint.targets.stores;

import dev.blueprint.core.generate.GenerationContext;
import dev.blueprint.core.generate.GeneratorOptions;
import dev.blueprint.core.generate.OutputTree;
import dev.blueprint.core.generate.Templates;
import dev.blueprint.core.generate.storage.DdlContributor;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.targets.testing.Examples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The store scripts the generator writes for a blueprint, and the blueprints the tests cover. */
final class StoreScripts {
  private StoreScripts() {}

  /** A blueprint under test: a name for messages and the blueprint. */
  record Case(String name, Blueprint blueprint) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Every example, and the synthetic blueprint with every store family. */
  static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    for (Path f : Examples.files()) {
      out.add(new Case(f.getParent().getFileName().toString(), Examples.load(f).blueprint()));
    }
    out.add(new Case("synthetic every-store", SyntheticStores.blueprint()));
    return out;
  }

  /** Renders the storage DDL of {@code b} into {@code dir}, as {@code blueprint generate} does. */
  static void generate(Blueprint b, Path dir) throws Exception {
    OutputTree out = new OutputTree(dir);
    GenerationContext context =
        new GenerationContext(b, GeneratorOptions.defaults("test"), Templates.packaged(), out);
    new DdlContributor().contribute(context);
  }
}
