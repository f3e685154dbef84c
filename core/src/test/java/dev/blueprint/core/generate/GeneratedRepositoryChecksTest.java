package dev.blueprint.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.testing.DagChecks;
import dev.blueprint.core.testing.Examples;
import dev.blueprint.core.testing.Python;
import dev.blueprint.core.testing.Ruff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example rendered and every generated file checked by the tools of its own ecosystem:
 * python3 (compile + ast walk) and Ruff's Airflow rules for the DAGs, the Strimzi CRD schema for
 * KafkaTopic resources, JSON and YAML parsers, and bash's syntax check for scripts.
 */
class GeneratedRepositoryChecksTest {

  private static Map<Path, Blueprint> renderAll(Path dir, GeneratorOptions options)
      throws Exception {
    Map<Path, Blueprint> repos = new LinkedHashMap<>();
    for (Path example : Examples.blueprintExamples()) {
      Blueprint b = BlueprintLoader.load(example.resolve("blueprint.yaml")).blueprint();
      Path out = dir.resolve(example.getFileName().toString());
      Generator.standard().generate(b, out, options);
      repos.put(out, b);
    }
    assertFalse(repos.isEmpty());
    return repos;
  }

  private static List<Path> files(Path root, String suffix) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  void airflow3DagsCompileAndPassRuffsAirflowRules(@TempDir Path dir) throws Exception {
    Map<Path, Blueprint> repos = renderAll(dir, GeneratorOptions.defaults("test"));
    DagChecks.check(repos, 3);
    List<Path> dags = new ArrayList<>();
    for (Path repo : repos.keySet()) {
      dags.addAll(files(repo.resolve("dags"), ".py"));
    }
    List<Path> jobs = new ArrayList<>();
    for (Path repo : repos.keySet()) {
      if (Files.isDirectory(repo.resolve("jobs"))) {
        jobs.addAll(files(repo.resolve("jobs"), ".py"));
      }
    }
    List<Path> all = new ArrayList<>(dags);
    all.addAll(jobs);
    Python.run(
            "import sys\nfor p in sys.argv[1:]:\n    compile(open(p, encoding='utf-8').read(), p,"
                + " 'exec')\n",
            "",
            all.stream().map(Path::toString).toArray(String[]::new))
        .assertOk("every generated Python file compiles");
    Ruff.check(all, "AIR,F,E9")
        .forEach((file, diagnostics) -> assertEquals(List.of(), diagnostics, file.toString()));
  }

  @Test
  void airflow2DagsCompileAndOnlyRuffsAirflow3MigrationRulesFlagThem(@TempDir Path dir)
      throws Exception {
    Map<Path, Blueprint> repos =
        renderAll(dir, GeneratorOptions.defaults("test").withAirflowVersion(2));
    DagChecks.check(repos, 2);
    List<Path> dags = new ArrayList<>();
    for (Path repo : repos.keySet()) {
      dags.addAll(files(repo.resolve("dags"), ".py"));
    }
    // One Ruff run: only the Airflow 3 migration rules (airflow3-*, airflow31-*) may flag an
    // Airflow 2 file, and they must flag its Airflow 2 imports, which shows the tool bites.
    Ruff.check(dags, "AIR,F,E9")
        .forEach(
            (file, diagnostics) -> {
              assertEquals(
                  List.of(),
                  diagnostics.stream().filter(d -> !d.startsWith("airflow3")).toList(),
                  file.toString());
              boolean dagFile = file.getParent().getFileName().toString().equals("dags");
              assertTrue(
                  !dagFile || diagnostics.stream().anyMatch(d -> d.contains("airflow.DAG")),
                  file + ": " + diagnostics);
            });
  }

  @Test
  void kafkaJsonYamlAndScriptsParse(@TempDir Path dir) throws Exception {
    for (GeneratorOptions o :
        List.of(
            GeneratorOptions.defaults("test"),
            GeneratorOptions.defaults("test")
                .withStrimziApiVersion(GeneratorOptions.STRIMZI_V1BETA2))) {
      Path sub = Files.createDirectories(dir.resolve(o.strimziApiVersion().replace('/', '_')));
      for (var e : renderAll(sub, o).entrySet()) {
        Path repo = e.getKey();
        if (Files.isDirectory(repo.resolve("kafka/topics"))) {
          dev.blueprint.core.testing.KafkaChecks.checkResources(
              e.getValue(), repo, o.strimziApiVersion());
        }
        for (Path json : files(repo, ".json")) {
          new ObjectMapper().readTree(json.toFile());
        }
        for (Path yaml :
            Stream.concat(files(repo, ".yaml").stream(), files(repo, ".yml").stream()).toList()) {
          new YAMLMapper().readTree(yaml.toFile());
        }
        for (Path sh : files(repo, ".sh")) {
          Process p =
              new ProcessBuilder("bash", "-n", sh.toString()).redirectErrorStream(true).start();
          String out = new String(p.getInputStream().readAllBytes());
          assertEquals(0, p.waitFor(), sh + ": " + out);
        }
      }
    }
  }
}
