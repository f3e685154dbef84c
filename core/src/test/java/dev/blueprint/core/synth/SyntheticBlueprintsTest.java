package dev.blueprint.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.load.BlueprintMapper;
import dev.blueprint.core.load.LoadedBlueprint;
import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Field;
import dev.blueprint.core.model.Partition;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Source;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.model.Task;
import dev.blueprint.core.model.TaskGroup;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.problem.Severity;
import dev.blueprint.core.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticBlueprintsTest {

  private static final Pattern AIRFLOW_ID = Pattern.compile("[A-Za-z0-9_.-]{1,250}");
  private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9_-]{1,200}");
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
  private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {10, 100})
  void writtenAsYamlItLoadsValidAndUnchanged(int pipelines) throws Exception {
    Blueprint made = SyntheticBlueprints.make(pipelines, 42);
    Path file = dir.resolve("synthetic-" + pipelines + ".yaml");
    BlueprintMapper.yaml().writeValue(file.toFile(), made);

    LoadedBlueprint loaded = Validator.loadValid(file);

    assertEquals(made, loaded.blueprint(), "the file reads back as the model that was written");
    assertTrue(loaded.blueprint().isBlueprint());
    assertEquals(
        List.of(),
        Validator.validate(loaded).stream().filter(p -> p.severity() == Severity.ERROR).toList());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 10, 100, 1000})
  void twoStreamsAndTwoDatasetsPerPipeline(int pipelines) {
    Architecture a = SyntheticBlueprints.make(pipelines, 7).architecture();
    assertEquals(pipelines, a.pipelines().size());
    assertEquals(2 * pipelines, a.streams().size());
    assertEquals(2 * pipelines, a.datasets().size());
  }

  @Test
  void namesAreUniqueAndFollowTheRules() {
    Blueprint b = SyntheticBlueprints.make(1000, 42);
    Architecture a = b.architecture();
    assertTrue(SLUG.matcher(b.engagement().id()).matches(), b.engagement().id());

    Set<String> datasetNames = unique(a.datasets().stream().map(Dataset::name).toList());
    datasetNames.forEach(n -> assertTrue(SNAKE.matcher(n).matches(), n));

    Set<String> topics = unique(a.streams().stream().map(Stream::name).toList());
    for (String t : topics) {
      assertTrue(TOPIC.matcher(t).matches(), t);
      assertTrue(!t.startsWith("__"), t);
    }
    // Kafka refuses two topics that differ only by '.' versus '_'
    unique(topics.stream().map(t -> t.replace('.', '_')).toList());

    unique(a.pipelines().stream().map(Pipeline::id).toList());
    for (Pipeline p : a.pipelines()) {
      assertTrue(AIRFLOW_ID.matcher(p.id()).matches(), p.id());
      Set<String> groupIds = unique(p.groups().stream().map(TaskGroup::id).toList());
      groupIds.forEach(g -> assertTrue(GROUP_ID.matcher(g).matches(), g));
      Set<String> taskIds = unique(p.tasks().stream().map(Task::id).toList());
      for (Task t : p.tasks()) {
        assertTrue(AIRFLOW_ID.matcher(t.fullId()).matches(), t.fullId());
        assertTrue(!groupIds.contains(t.id()), "a group id equals task id " + t.id());
        if (t.group() != null) {
          assertTrue(groupIds.contains(t.group()), p.id() + ": unknown group " + t.group());
        }
        assertTrue(taskIds.containsAll(t.dependsOn()), p.id() + "/" + t.id());
        assertTrue(taskIds.containsAll(t.compensates()), p.id() + "/" + t.id());
      }
    }
  }

  @Test
  void everyReferenceNamesSomethingThatExists() {
    Blueprint b = SyntheticBlueprints.make(300, 3);
    Architecture a = b.architecture();
    Set<String> datasets = a.datasets().stream().map(Dataset::name).collect(Collectors.toSet());
    Set<String> streams = a.streams().stream().map(Stream::name).collect(Collectors.toSet());
    Set<String> data = new HashSet<>(datasets);
    data.addAll(streams);
    Set<String> pipelines = a.pipelines().stream().map(Pipeline::id).collect(Collectors.toSet());
    Set<String> sources = b.sources().stream().map(Source::id).collect(Collectors.toSet());
    Set<String> consumers = b.consumers().stream().map(Consumer::id).collect(Collectors.toSet());

    for (Pipeline p : a.pipelines()) {
      for (Task t : p.tasks()) {
        assertTrue(data.containsAll(t.inputs()), t.inputs().toString());
        assertTrue(data.containsAll(t.outputs()), t.outputs().toString());
      }
    }
    for (Stream s : a.streams()) {
      Dataset schema = a.dataset(s.valueSchema()).orElseThrow();
      assertTrue(
          schema.fields().stream().map(Field::name).anyMatch(s.key()::equals),
          s.name() + ": key " + s.key() + " is not a field of " + schema.name());
      for (String producer : s.producers()) {
        assertTrue(sources.contains(producer) || pipelines.contains(producer), producer);
      }
      for (String consumer : s.consumers()) {
        assertTrue(consumers.contains(consumer) || pipelines.contains(consumer), consumer);
      }
      assertTrue(s.minInsyncReplicas() <= s.replication() - 1, s.name());
    }
    for (Consumer c : b.consumers()) {
      assertTrue(data.containsAll(c.reads()), c.id());
      for (String read : c.reads()) {
        a.stream(read)
            .ifPresent(
                s ->
                    assertTrue(
                        s.retention().compareTo(c.maxOutage()) > 0, s.name() + " retention"));
      }
    }
    for (Dataset d : a.datasets()) {
      Set<String> fields = unique(d.fields().stream().map(Field::name).toList());
      assertTrue(fields.containsAll(d.primaryKey()), d.name());
      for (Partition part : d.partitioning()) {
        assertTrue(fields.contains(part.field()), d.name() + " partition " + part.field());
      }
      fields.forEach(f -> assertTrue(SNAKE.matcher(f).matches(), d.name() + "." + f));
    }
  }

  @Test
  void sameSeedSameFileOtherSeedOtherFile() throws Exception {
    String first = BlueprintMapper.yaml().writeValueAsString(SyntheticBlueprints.make(50, 1));
    String again = BlueprintMapper.yaml().writeValueAsString(SyntheticBlueprints.make(50, 1));
    String other = BlueprintMapper.yaml().writeValueAsString(SyntheticBlueprints.make(50, 2));
    assertEquals(first, again);
    assertNotEquals(first, other);
  }

  @Test
  void sizeGrowsInProportionToThePipelines() throws Exception {
    int small = BlueprintMapper.yaml().writeValueAsBytes(SyntheticBlueprints.make(100, 1)).length;
    int large = BlueprintMapper.yaml().writeValueAsBytes(SyntheticBlueprints.make(1000, 1)).length;
    double ratio = (double) large / small;
    assertTrue(ratio > 8.5 && ratio < 11.5, String.format(Locale.ROOT, "ratio %.2f", ratio));
  }

  @Test
  void refusesSizesOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> SyntheticBlueprints.make(0, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> SyntheticBlueprints.make(SyntheticBlueprints.MAX_PIPELINES + 1, 1));
  }

  @Test
  void aLargeBlueprintIsRefusedUnderTheDefaultSizeLimit() throws Exception {
    Path file = dir.resolve("large.yaml");
    BlueprintMapper.yaml().writeValue(file.toFile(), SyntheticBlueprints.make(2000, 42));
    assertTrue(Files.size(file) > BlueprintMapper.MAX_DOCUMENT_BYTES, "2,000 pipelines > 4 MiB");
    ProblemException e = assertThrows(ProblemException.class, () -> Validator.loadValid(file));
    assertEquals("BP-FILE-002", e.problems().get(0).ruleId());
  }

  private static Set<String> unique(List<String> names) {
    Set<String> set = new HashSet<>();
    for (String n : names) {
      assertTrue(set.add(n), "duplicate name " + n);
    }
    return set;
  }
}
