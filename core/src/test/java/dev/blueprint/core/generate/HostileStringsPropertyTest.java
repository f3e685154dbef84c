package dev.blueprint.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.blueprint.core.generate.kafka.KafkaTopics;
import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Engagement;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.model.Task;
import dev.blueprint.core.model.TaskGroup;
import dev.blueprint.core.model.TaskKind;
import dev.blueprint.core.testing.DagChecks;
import dev.blueprint.core.testing.Examples;
import dev.blueprint.core.testing.HostileStrings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At least 10,000 seeded hostile strings (quotes, triple quotes, backslashes, newlines, NUL,
 * unicode, ${...}, {{ ... }}, <#...>, $(...)) through every free-text field of the clickstream
 * blueprint: every DAG must still compile with python3 and give back each string exactly through
 * ast.literal_eval, and the YAML and JSON outputs must parse back to the same values.
 */
class HostileStringsPropertyTest {

  static final int STRINGS = 10_000;
  static final long SEED = 20260101L;

  @Test
  void hostileFreeTextSurvivesEveryOutput(@TempDir Path dir) throws Exception {
    Blueprint base = Examples.clickstream();
    Iterator<String> hostile = HostileStrings.generate(SEED, STRINGS, false).iterator();
    Map<Path, Blueprint> repos = new LinkedHashMap<>();
    int used = 0;
    int n = 0;
    while (hostile.hasNext()) {
      Counting strings = new Counting(hostile);
      Blueprint b = hostileCopy(base, strings);
      used += strings.count;
      Path repo = dir.resolve("repo-" + n++);
      for (int airflow : new int[] {3}) {
        Generator.standard()
            .renderInto(
                b,
                new OutputTree(repo),
                GeneratorOptions.defaults("test").withAirflowVersion(airflow));
      }
      checkYamlAndJson(b, repo);
      repos.put(repo, b);
    }
    assertTrue(used >= STRINGS, "only " + used + " hostile strings were used");
    DagChecks.check(repos, 3);
  }

  private static void checkYamlAndJson(Blueprint b, Path repo) throws Exception {
    // the copy of the source blueprint reads back as the same model
    Blueprint copy = BlueprintLoader.load(repo.resolve(Generator.SOURCE_COPY)).blueprint();
    if (!b.equals(copy)) {
      ObjectMapper json = dev.blueprint.core.load.BlueprintMapper.json();
      String expected = json.writeValueAsString(b);
      String actual = json.writeValueAsString(copy);
      int i = 0;
      while (i < Math.min(expected.length(), actual.length())
          && expected.charAt(i) == actual.charAt(i)) {
        i++;
      }
      int from = Math.max(0, i - 80);
      assertEquals(
          expected.substring(from, Math.min(expected.length(), i + 40)),
          actual.substring(from, Math.min(actual.length(), i + 40)),
          "the source copy does not read back as the blueprint");
    }
    for (Stream s : b.architectureOrEmpty().streams()) {
      JsonNode r =
          new YAMLMapper()
              .readTree(
                  repo.resolve("kafka/topics/" + Naming.k8sName(s.name()) + ".yaml").toFile());
      assertEquals(
          s.description(),
          r.path("metadata").path("annotations").path("blueprint.dev/description").textValue());
    }
    JsonNode plan = new ObjectMapper().readTree(repo.resolve(KafkaTopics.PLAN_FILE).toFile());
    assertEquals(b.architectureOrEmpty().streams().size(), plan.path("topics").size());
    try (var walk = Files.walk(repo)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".json")) {
          new ObjectMapper().readTree(p.toFile());
        } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
          new YAMLMapper().readTree(p.toFile());
        }
      }
    }
  }

  /** Takes strings from the generator and counts them. */
  static final class Counting {
    final Iterator<String> source;
    int count;

    Counting(Iterator<String> source) {
      this.source = source;
    }

    String next(String fallback) {
      if (!source.hasNext()) {
        return fallback;
      }
      count++;
      String s = source.next();
      // a blank value is no value to the loader, so a blueprint cannot hold one
      return s.isBlank() ? s + "x" : s;
    }
  }

  /** The blueprint with every free-text field replaced by a hostile string. */
  static Blueprint hostileCopy(Blueprint b, Counting s) {
    Engagement e = b.engagement();
    Engagement engagement =
        new Engagement(
            e.id(),
            s.next(e.title()),
            e.kind(),
            e.problemOwner(),
            e.stakeholders(),
            e.existingSystem(),
            s.next(e.businessProblem()),
            s.next(e.coreProblem()));
    Architecture a = b.architectureOrEmpty();
    List<Pipeline> pipelines = new ArrayList<>();
    boolean first = true;
    for (Pipeline p : a.pipelines()) {
      List<Task> tasks = new ArrayList<>();
      for (Task t : p.tasks()) {
        tasks.add(
            new Task(
                t.id(),
                t.kind(),
                s.next(t.description()),
                t.group(),
                s.next(t.command()),
                t.inputs(),
                t.outputs(),
                t.dependsOn(),
                t.retries(),
                t.compensates(),
                t.state()));
      }
      if (first) {
        // every task kind, so that every operator's template sees hostile text
        for (TaskKind kind : TaskKind.values()) {
          tasks.add(
              new Task(
                  "extra_" + kind.name().toLowerCase(java.util.Locale.ROOT),
                  kind,
                  s.next("d"),
                  null,
                  s.next("c"),
                  List.of(),
                  List.of(),
                  List.of(),
                  null,
                  List.of(),
                  null));
        }
        first = false;
      }
      List<TaskGroup> groups = new ArrayList<>();
      for (TaskGroup g : p.groups()) {
        groups.add(new TaskGroup(g.id(), s.next(g.description())));
      }
      pipelines.add(
          new Pipeline(
              p.id(),
              s.next(p.description()),
              s.next(p.owner()),
              p.schedule(),
              p.startDate(),
              List.of(s.next("t1"), s.next("t2")),
              p.retries(),
              p.retryDelay(),
              groups,
              tasks));
    }
    List<Stream> streams = new ArrayList<>();
    for (Stream st : a.streams()) {
      streams.add(
          new Stream(
              st.name(),
              st.platform(),
              s.next(st.description()),
              st.partitions(),
              st.replication(),
              st.minInsyncReplicas(),
              st.retention(),
              st.cleanupPolicy(),
              st.key(),
              st.valueSchema(),
              st.producers(),
              st.consumers(),
              st.config()));
    }
    return new Blueprint(
        b.blueprint(),
        engagement,
        b.requirements(),
        b.sources(),
        b.consumers(),
        new Architecture(a.datasets(), streams, pipelines, a.caches(), a.decisions()));
  }
}
