package dev.blueprint.core.validate;

import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Cache;
import dev.blueprint.core.model.ConsideredOption;
import dev.blueprint.core.model.Consolidation;
import dev.blueprint.core.model.Constraint;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.DataNeed;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Decision;
import dev.blueprint.core.model.Engagement;
import dev.blueprint.core.model.EngagementKind;
import dev.blueprint.core.model.ExistingComponent;
import dev.blueprint.core.model.Field;
import dev.blueprint.core.model.FunctionalRequirement;
import dev.blueprint.core.model.NonFunctionalRequirement;
import dev.blueprint.core.model.Partition;
import dev.blueprint.core.model.Person;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Platform;
import dev.blueprint.core.model.Reference;
import dev.blueprint.core.model.Source;
import dev.blueprint.core.model.StoreFamily;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.model.Task;
import dev.blueprint.core.model.TaskGroup;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BP-REQ-001 a required field is missing; BP-REQ-002 unsupported format version; BP-REQ-003 an
 * improve-existing engagement without its existing system; BP-REQ-004 a document without any
 * functional requirement; BP-REQ-005 an architecture without any dataset.
 *
 * <p>The fields every document needs are listed in {@link #REQUIRED}; the JSON Schema uses the same
 * list. A few depend on other values (a file in object storage needs a format, a Kafka topic its
 * partitions and replication) and are checked here only.
 */
final class RequiredFieldRules implements Rule {

  /** The keys each element must have, by model type. */
  static final Map<Class<?>, List<String>> REQUIRED = required();

  private static Map<Class<?>, List<String>> required() {
    Map<Class<?>, List<String>> m = new LinkedHashMap<>();
    m.put(Blueprint.class, List.of("engagement"));
    m.put(Engagement.class, List.of("id", "title", "kind", "problemOwner", "businessProblem"));
    m.put(Person.class, List.of("name"));
    m.put(FunctionalRequirement.class, List.of("id", "text"));
    m.put(NonFunctionalRequirement.class, List.of("id", "text"));
    m.put(Constraint.class, List.of("id", "text"));
    m.put(DataNeed.class, List.of("name"));
    m.put(ExistingComponent.class, List.of("id", "technology"));
    m.put(Source.class, List.of("id", "kind"));
    m.put(Consumer.class, List.of("id"));
    m.put(Dataset.class, List.of("name", "store", "fields"));
    m.put(Field.class, List.of("name", "type"));
    m.put(Partition.class, List.of("field"));
    m.put(Reference.class, List.of("field", "dataset"));
    m.put(Consolidation.class, List.of("datasets", "by"));
    m.put(Stream.class, List.of("name"));
    m.put(Pipeline.class, List.of("id", "schedule", "tasks"));
    m.put(TaskGroup.class, List.of("id"));
    m.put(Task.class, List.of("id", "kind"));
    m.put(Cache.class, List.of("name", "caches"));
    m.put(Decision.class, List.of("id", "title", "status", "options", "chosen"));
    m.put(ConsideredOption.class, List.of("name"));
    return Map.copyOf(m);
  }

  @Override
  public void check(Context c) {
    Blueprint b = c.blueprint();
    if (b.blueprint() != Blueprint.FORMAT_VERSION && b.blueprint() != Blueprint.FORMAT_VERSION_1) {
      c.error(
          "BP-REQ-002",
          "blueprint",
          "format version "
              + b.blueprint()
              + " is not supported; this release reads versions 1 and 2",
          "write 'blueprint: 2'");
    }
    present(c, b, "");
    Engagement e = b.engagement();
    if (e != null) {
      present(c, e, "engagement");
      if (e.problemOwner() != null) {
        present(c, e.problemOwner(), "engagement.problemOwner");
      }
      each(c, e.stakeholders(), "engagement.stakeholders");
      if (e.kind() == EngagementKind.IMPROVE_EXISTING && e.existingSystem() == null) {
        c.error(
            "BP-REQ-003",
            "engagement.kind",
            "engagement '" + e.id() + "' improves an existing system but does not describe it",
            "add engagement.existingSystem with its description, components and pain points");
      }
    }
    if (b.requirements().functional().isEmpty()) {
      c.error(
          "BP-REQ-004",
          "requirements",
          "the document lists no functional requirement; say what the solution must do",
          "add requirements.functional with at least one id and text");
    }
    each(c, b.requirements().functional(), "requirements.functional");
    each(c, b.requirements().nonFunctional(), "requirements.nonFunctional");
    each(c, b.requirements().constraints(), "requirements.constraints");
    each(c, b.sources(), "sources");
    each(c, b.consumers(), "consumers");
    each(c, b.data(), "data");
    if (e != null && e.existingSystem() != null) {
      each(c, e.existingSystem().systems(), "engagement.existingSystem.systems");
    }
    if (b.architecture() == null) {
      return;
    }
    Architecture a = b.architecture();
    if (a.datasets().isEmpty()) {
      c.error(
          "BP-REQ-005",
          "architecture",
          "the architecture proposes no dataset; a blueprint says where the data is kept",
          "add architecture.datasets, or remove architecture to keep a requirements document");
    }
    for (int i = 0; i < a.datasets().size(); i++) {
      Dataset d = a.datasets().get(i);
      String p = "architecture.datasets[" + i + "]";
      present(c, d, p);
      each(c, d.fields(), p + ".fields");
      each(c, d.partitioning(), p + ".partitioning");
      each(c, d.references(), p + ".references");
      if (d.consolidates() != null) {
        present(c, d.consolidates(), p + ".consolidates");
      }
      if (d.store() == StoreFamily.OBJECT_STORAGE && d.format() == null) {
        c.error(
            "BP-REQ-001",
            p + ".format",
            "dataset '" + d.name() + "' is in object storage but has no format",
            "add format: parquet, avro, json or csv");
      }
    }
    for (int i = 0; i < a.streams().size(); i++) {
      Stream s = a.streams().get(i);
      String p = "architecture.streams[" + i + "]";
      present(c, s, p);
      if (s.platformOrKafka() == Platform.KAFKA) {
        if (s.partitions() == null) {
          missing(c, p, "partitions", "stream '" + s.name() + "'");
        }
        if (s.replication() == null) {
          missing(c, p, "replication", "stream '" + s.name() + "'");
        }
      }
    }
    for (int i = 0; i < a.pipelines().size(); i++) {
      Pipeline pl = a.pipelines().get(i);
      String p = "architecture.pipelines[" + i + "]";
      present(c, pl, p);
      each(c, pl.groups(), p + ".groups");
      each(c, pl.tasks(), p + ".tasks");
    }
    each(c, a.caches(), "architecture.caches");
    for (int i = 0; i < a.decisions().size(); i++) {
      Decision d = a.decisions().get(i);
      present(c, d, "architecture.decisions[" + i + "]");
      each(c, d.options(), "architecture.decisions[" + i + "].options");
    }
  }

  private static void each(Context c, List<?> items, String path) {
    for (int i = 0; i < items.size(); i++) {
      present(c, items.get(i), path + "[" + i + "]");
    }
  }

  /** Reports each required key of {@code element} that is absent, blank or an empty list. */
  private static void present(Context c, Object element, String path) {
    List<String> keys = REQUIRED.getOrDefault(element.getClass(), List.of());
    for (String key : keys) {
      Object value;
      try {
        value = element.getClass().getMethod(key).invoke(element);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("no component " + key + " in " + element.getClass(), e);
      }
      boolean absent =
          value == null
              || (value instanceof String s && s.isBlank())
              || (value instanceof Collection<?> col && col.isEmpty());
      if (absent) {
        missing(c, path, key, describe(element, path));
      }
    }
  }

  private static void missing(Context c, String path, String key, String element) {
    c.error(
        "BP-REQ-001",
        path.isEmpty() ? key : path,
        (element.isEmpty() ? "the document" : element) + " has no '" + key + "'",
        "add " + (path.isEmpty() ? key : path + "." + key));
  }

  /** "dataset 'x'" or "the element at path" when it has no name yet. */
  static String describe(Object element, String path) {
    String kind = Names.kind(element);
    String name = Names.nameOf(element);
    if (path.isEmpty()) {
      return "";
    }
    return name == null || name.isBlank() ? kind + " " + path : kind + " '" + name + "'";
  }
}
