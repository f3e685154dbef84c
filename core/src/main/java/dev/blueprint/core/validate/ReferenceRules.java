package dev.blueprint.core.validate;

import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Cache;
import dev.blueprint.core.model.Constraint;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Decision;
import dev.blueprint.core.model.Field;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Reference;
import dev.blueprint.core.model.Source;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.model.Task;
import dev.blueprint.core.model.TaskGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BP-REF-001 a name or id that refers to another element does not resolve; BP-REF-002 a field name
 * does not exist in the dataset it belongs to.
 */
final class ReferenceRules implements Rule {
  private static final Pattern REQUIREMENT_ID = Pattern.compile("N?FR-\\d+");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  @Override
  public void check(Context c) {
    Blueprint b = c.blueprint();
    Architecture a = b.architectureOrEmpty();
    Set<String> data = new LinkedHashSet<>();
    a.datasets().forEach(d -> data.add(d.name()));
    a.streams().forEach(s -> data.add(s.name()));
    Set<String> datasets = new LinkedHashSet<>();
    a.datasets().forEach(d -> datasets.add(d.name()));
    Set<String> sources = ids(b.sources().stream().map(Source::id).toList());
    Set<String> consumers = ids(b.consumers().stream().map(Consumer::id).toList());
    Set<String> pipelines = ids(a.pipelines().stream().map(Pipeline::id).toList());
    // built once: per stream or per reference they made validation quadratic in the blueprint's
    // size (minutes at 10,000 pipelines)
    Set<String> writers = union(sources, pipelines, consumers);
    Set<String> readers = union(consumers, pipelines);
    Map<String, Dataset> byName = new HashMap<>();
    a.datasets().forEach(d -> byName.putIfAbsent(d.name(), d));

    if (c.isBlueprint()) {
      for (int i = 0; i < b.consumers().size(); i++) {
        Consumer k = b.consumers().get(i);
        names(
            c,
            k.reads(),
            "consumers[" + i + "].reads",
            data,
            "consumer '" + k.id() + "' reads",
            "dataset or stream");
      }
    }
    for (int i = 0; i < a.streams().size(); i++) {
      Stream s = a.streams().get(i);
      String p = "architecture.streams[" + i + "]";
      String el = "stream '" + s.name() + "'";
      names(
          c,
          s.producers(),
          p + ".producers",
          writers,
          el + " is written by",
          "source, pipeline or consumer");
      names(
          c, s.consumers(), p + ".consumers", readers, el + " is read by", "consumer or pipeline");
      if (s.valueSchema() != null) {
        name(
            c,
            s.valueSchema(),
            p + ".valueSchema",
            datasets,
            el + " takes its value schema from",
            "dataset");
        Optional<Dataset> schema = Optional.ofNullable(byName.get(s.valueSchema()));
        if (s.key() != null && schema.isPresent()) {
          field(c, schema.get(), s.key(), p + ".key", el + " is keyed by");
        }
      }
    }
    for (int i = 0; i < a.datasets().size(); i++) {
      Dataset d = a.datasets().get(i);
      String p = "architecture.datasets[" + i + "]";
      String el = "dataset '" + d.name() + "'";
      fields(c, d, d.primaryKey(), p + ".primaryKey", el + " has primary key");
      fields(c, d, d.identityKeys(), p + ".identityKeys", el + " has identity key");
      for (int j = 0; j < d.partitioning().size(); j++) {
        field(
            c,
            d,
            d.partitioning().get(j).field(),
            p + ".partitioning[" + j + "].field",
            el + " is partitioned by");
      }
      for (int j = 0; j < d.references().size(); j++) {
        Reference r = d.references().get(j);
        String rp = p + ".references[" + j + "]";
        field(c, d, r.field(), rp + ".field", el + " refers with");
        if (r.dataset() == null) {
          continue;
        }
        if (name(c, r.dataset(), rp + ".dataset", datasets, el + " refers to", "dataset")) {
          Dataset target = byName.get(r.dataset());
          if (r.targetField() != null) {
            field(c, target, r.targetField(), rp + ".targetField", el + " refers to");
          } else if (target.primaryKey().size() != 1) {
            c.error(
                "BP-REF-002",
                rp + ".dataset",
                el
                    + " refers to dataset '"
                    + target.name()
                    + "', which has no single-field primary key to point at",
                "name the referenced field with targetField");
          }
        }
      }
      if (d.consolidates() != null) {
        String cp = p + ".consolidates";
        fields(c, d, d.consolidates().by(), cp + ".by", el + " consolidates by");
        for (int j = 0; j < d.consolidates().datasets().size(); j++) {
          String other = d.consolidates().datasets().get(j);
          if (name(
              c, other, cp + ".datasets[" + j + "]", datasets, el + " consolidates", "dataset")) {
            fields(
                c,
                byName.get(other),
                d.consolidates().by(),
                cp + ".by",
                el + " consolidates dataset '" + other + "' by");
          }
        }
      }
    }
    for (int i = 0; i < a.pipelines().size(); i++) {
      Pipeline pl = a.pipelines().get(i);
      String p = "architecture.pipelines[" + i + "]";
      Set<String> tasks = ids(pl.tasks().stream().map(Task::id).toList());
      Set<String> groups = ids(pl.groups().stream().map(TaskGroup::id).toList());
      for (int t = 0; t < pl.tasks().size(); t++) {
        Task task = pl.tasks().get(t);
        String tp = p + ".tasks[" + t + "]";
        String el = "task '" + task.id() + "' of pipeline '" + pl.id() + "'";
        names(c, task.inputs(), tp + ".inputs", data, el + " reads", "dataset or stream");
        names(c, task.outputs(), tp + ".outputs", data, el + " writes", "dataset or stream");
        names(
            c,
            task.dependsOn(),
            tp + ".dependsOn",
            tasks,
            el + " depends on",
            "task of the same pipeline");
        names(
            c,
            task.compensates(),
            tp + ".compensates",
            tasks,
            el + " compensates",
            "task of the same pipeline");
        if (task.group() != null && !task.group().isEmpty()) {
          name(
              c,
              task.group(),
              tp + ".group",
              groups,
              el + " belongs to",
              "group of the same pipeline");
        }
      }
    }
    for (int i = 0; i < a.caches().size(); i++) {
      Cache k = a.caches().get(i);
      String p = "architecture.caches[" + i + "]";
      String el = "cache '" + k.name() + "'";
      if (k.caches() != null
          && name(c, k.caches(), p + ".caches", datasets, el + " caches", "dataset")) {
        Dataset d = byName.get(k.caches());
        if (k.keyPattern() != null) {
          Matcher m = PLACEHOLDER.matcher(k.keyPattern());
          while (m.find()) {
            field(c, d, m.group(1), p + ".keyPattern", el + " builds its key from");
          }
        }
      }
    }
    Set<String> requirements = new LinkedHashSet<>();
    b.requirements().functional().forEach(r -> requirements.add(r.id()));
    b.requirements().nonFunctional().forEach(r -> requirements.add(r.id()));
    Set<String> people = new LinkedHashSet<>();
    if (b.engagement() != null) {
      // a person by name, or by the role they hold ("raisedBy: CFO")
      if (b.engagement().problemOwner() != null) {
        people.add(b.engagement().problemOwner().name());
        people.add(b.engagement().problemOwner().role());
      }
      b.engagement().stakeholders().forEach(s -> people.add(s.name()));
      b.engagement().stakeholders().forEach(s -> people.add(s.role()));
      people.remove(null);
    }
    for (int i = 0; i < b.requirements().constraints().size(); i++) {
      Constraint k = b.requirements().constraints().get(i);
      if (k.raisedBy() != null) {
        name(
            c,
            k.raisedBy(),
            "requirements.constraints[" + i + "].raisedBy",
            people,
            "constraint '" + k.id() + "' is raised by",
            "problem owner or stakeholder (by name or role)");
      }
    }
    for (int i = 0; i < a.decisions().size(); i++) {
      Decision d = a.decisions().get(i);
      String p = "architecture.decisions[" + i + "]";
      for (int j = 0; j < d.drivers().size(); j++) {
        String driver = d.drivers().get(j);
        if (REQUIREMENT_ID.matcher(driver).matches()) {
          name(
              c,
              driver,
              p + ".drivers[" + j + "]",
              requirements,
              "decision '" + d.id() + "' is driven by",
              "requirement");
        }
      }
    }
  }

  private static Set<String> ids(List<String> values) {
    Set<String> s = new LinkedHashSet<>();
    values.stream().filter(v -> v != null).forEach(s::add);
    return s;
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> s = new LinkedHashSet<>();
    for (Set<String> x : sets) {
      s.addAll(x);
    }
    return s;
  }

  private static void names(
      Context c, List<String> values, String path, Set<String> known, String what, String kind) {
    for (int i = 0; i < values.size(); i++) {
      name(c, values.get(i), path + "[" + i + "]", known, what, kind);
    }
  }

  /** True when {@code value} resolves; else reports it. */
  private static boolean name(
      Context c, String value, String path, Set<String> known, String what, String kind) {
    if (known.contains(value)) {
      return true;
    }
    c.error(
        "BP-REF-001",
        path,
        what + " '" + value + "', but there is no " + kind + " of that name",
        hint(value, known));
    return false;
  }

  private static void fields(Context c, Dataset d, List<String> names, String path, String what) {
    for (int i = 0; i < names.size(); i++) {
      field(c, d, names.get(i), path + "[" + i + "]", what);
    }
  }

  private static void field(Context c, Dataset d, String field, String path, String what) {
    if (field == null) {
      return;
    }
    List<String> known = new ArrayList<>();
    for (Field f : d.fields()) {
      known.add(f.name());
    }
    if (!known.contains(field)) {
      c.error(
          "BP-REF-002",
          path,
          what + " field '" + field + "', but dataset '" + d.name() + "' has no such field",
          hint(field, known));
    }
  }

  private static String hint(String value, java.util.Collection<String> known) {
    String mean = Context.didYouMean(value, known);
    if (mean != null) {
      return mean;
    }
    if (known.isEmpty()) {
      return "none is defined";
    }
    return known.size() <= 12 ? "known: " + String.join(", ", known) : null;
  }
}
