package dev.blueprint.core.advice;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.generate.Generator;
import dev.blueprint.core.generate.GeneratorOptions;
import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.testing.DagChecks;
import dev.blueprint.core.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example's proposal, read back from its YAML, renders into a scaffolding repository with the
 * real generator, and its Airflow DAGs pass python3's compiler and the ast checks.
 */
class ProposalGeneratesTest {

  @Test
  void everyProposalGeneratesAndItsDagsCompile(@TempDir Path tmp) throws Exception {
    Map<Path, Blueprint> repos = new LinkedHashMap<>();
    for (Path req : Examples.requirements()) {
      Advice advice = Advisor.advise(Validator.loadValid(req).blueprint());
      Blueprint back =
          BlueprintLoader.parse(
                  "proposal.yaml",
                  AdviceWriter.blueprintYaml(advice).getBytes(StandardCharsets.UTF_8))
              .blueprint();
      Path out = tmp.resolve(req.getParent().getFileName().toString());
      Generator.standard().generate(back, out, GeneratorOptions.defaults("test"));
      assertTrue(Files.isDirectory(out), out.toString());
      repos.put(out, back);
    }
    DagChecks.check(repos, 3);
  }
}
