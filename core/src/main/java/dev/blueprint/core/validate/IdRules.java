package dev.blueprint.core.validate;

import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Decision;
import dev.blueprint.core.model.Pipeline;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * BP-ID-001 an id or name is given twice where it must be unique; BP-ID-002 the engagement id is
 * not a slug; BP-ID-003 a dataset, field or cache name is not a snake_case identifier.
 */
final class IdRules implements Rule {
  static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9_]*");

  /** PostgreSQL cuts identifiers at 63 bytes; other stores are at least as generous. */
  static final int MAX_IDENTIFIER = 63;

  @Override
  public void check(Context c) {
    Blueprint b = c.blueprint();
    if (b.engagement() != null && b.engagement().id() != null) {
      String id = b.engagement().id();
      if (!SLUG.matcher(id).matches() || id.length() > MAX_IDENTIFIER) {
        c.error(
            "BP-ID-002",
            "engagement.id",
            "engagement id '"
                + id
                + "' must be a slug: lowercase letters, digits and single '-', at most "
                + MAX_IDENTIFIER
                + " characters",
            "e.g. clickstream-analytics");
      }
    }
    Unique req = new Unique(c, "requirement id");
    for (int i = 0; i < b.requirements().functional().size(); i++) {
      req.add(b.requirements().functional().get(i).id(), "requirements.functional[" + i + "].id");
    }
    for (int i = 0; i < b.requirements().nonFunctional().size(); i++) {
      req.add(
          b.requirements().nonFunctional().get(i).id(), "requirements.nonFunctional[" + i + "].id");
    }
    for (int i = 0; i < b.requirements().constraints().size(); i++) {
      req.add(b.requirements().constraints().get(i).id(), "requirements.constraints[" + i + "].id");
    }
    // streams name their producers and consumers by id: sources, consumers and pipelines share
    // one name space
    Unique actors = new Unique(c, "source, consumer or pipeline id");
    for (int i = 0; i < b.sources().size(); i++) {
      actors.add(b.sources().get(i).id(), "sources[" + i + "].id");
    }
    for (int i = 0; i < b.consumers().size(); i++) {
      actors.add(b.consumers().get(i).id(), "consumers[" + i + "].id");
    }
    Architecture a = b.architectureOrEmpty();
    for (int i = 0; i < a.pipelines().size(); i++) {
      actors.add(a.pipelines().get(i).id(), "architecture.pipelines[" + i + "].id");
    }
    // reads, inputs and outputs name datasets and streams alike
    Unique data = new Unique(c, "dataset or stream name");
    for (int i = 0; i < a.datasets().size(); i++) {
      Dataset d = a.datasets().get(i);
      String p = "architecture.datasets[" + i + "]";
      data.add(d.name(), p + ".name");
      snake(c, d.name(), p + ".name", "dataset");
      Unique fields = new Unique(c, "field name in dataset '" + d.name() + "'");
      for (int f = 0; f < d.fields().size(); f++) {
        String fp = p + ".fields[" + f + "].name";
        fields.add(d.fields().get(f).name(), fp);
        snake(c, d.fields().get(f).name(), fp, "field");
      }
    }
    for (int i = 0; i < a.streams().size(); i++) {
      data.add(a.streams().get(i).name(), "architecture.streams[" + i + "].name");
    }
    for (int i = 0; i < a.pipelines().size(); i++) {
      Pipeline pl = a.pipelines().get(i);
      String p = "architecture.pipelines[" + i + "]";
      Unique tasks = new Unique(c, "task id in pipeline '" + pl.id() + "'");
      for (int t = 0; t < pl.tasks().size(); t++) {
        tasks.add(pl.tasks().get(t).id(), p + ".tasks[" + t + "].id");
      }
      Unique groups = new Unique(c, "group id in pipeline '" + pl.id() + "'");
      for (int g = 0; g < pl.groups().size(); g++) {
        groups.add(pl.groups().get(g).id(), p + ".groups[" + g + "].id");
      }
    }
    Unique caches = new Unique(c, "cache name");
    for (int i = 0; i < a.caches().size(); i++) {
      caches.add(a.caches().get(i).name(), "architecture.caches[" + i + "].name");
      snake(c, a.caches().get(i).name(), "architecture.caches[" + i + "].name", "cache");
    }
    Unique decisions = new Unique(c, "decision id");
    for (int i = 0; i < a.decisions().size(); i++) {
      Decision d = a.decisions().get(i);
      decisions.add(d.id(), "architecture.decisions[" + i + "].id");
      Unique options = new Unique(c, "option name in decision '" + d.id() + "'");
      for (int o = 0; o < d.options().size(); o++) {
        options.add(
            d.options().get(o).name(), "architecture.decisions[" + i + "].options[" + o + "].name");
      }
    }
  }

  private static void snake(Context c, String name, String path, String kind) {
    if (name == null) {
      return;
    }
    if (!SNAKE.matcher(name).matches() || name.length() > MAX_IDENTIFIER) {
      c.error(
          "BP-ID-003",
          path,
          kind
              + " name '"
              + name
              + "' must be snake_case: a lowercase letter, then lowercase letters, digits and '_',"
              + " at most "
              + MAX_IDENTIFIER
              + " characters, because it becomes table, column and file names",
          "e.g. " + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_"));
    }
  }

  /** Reports the second and later uses of a value within one name space. */
  private static final class Unique {
    private final Context c;
    private final String what;
    private final Map<String, String> seen = new HashMap<>();

    Unique(Context c, String what) {
      this.c = c;
      this.what = what;
    }

    void add(String value, String path) {
      if (value == null) {
        return;
      }
      String first = seen.putIfAbsent(value, path);
      if (first != null) {
        c.error(
            "BP-ID-001",
            path,
            "duplicate " + what + " '" + value + "'; " + first + " already uses it",
            "give each a different name");
      }
    }
  }
}
