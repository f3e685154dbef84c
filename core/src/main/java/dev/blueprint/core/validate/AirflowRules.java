package dev.blueprint.core.validate;

import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Task;
import dev.blueprint.core.model.TaskGroup;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Airflow id rules from the field guide: BP-AIRFLOW-001 dag id; BP-AIRFLOW-002 task id;
 * BP-AIRFLOW-003 a task's group-prefixed id ({@code group.task}) is too long; BP-AIRFLOW-004 group
 * id; BP-AIRFLOW-005 a group id equals a task id; BP-AIRFLOW-006 a tag longer than 100 characters;
 * BP-AIRFLOW-007 a schedule Airflow cannot read.
 */
final class AirflowRules implements Rule {
  /** Airflow's own pattern is [\w.-]+, which accepts non-ASCII letters; its docs say ASCII. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");

  private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9_-]+");
  static final int MAX_ID = 250;
  static final int MAX_GROUP_ID = 200;
  static final int MAX_TAG = 100;

  @Override
  public void check(Context c) {
    List<Pipeline> pipelines = c.architecture().pipelines();
    for (int i = 0; i < pipelines.size(); i++) {
      Pipeline pl = pipelines.get(i);
      String p = "architecture.pipelines[" + i + "]";
      if (pl.id() != null) {
        id(c, "BP-AIRFLOW-001", "dag id", pl.id(), p + ".id", "pipeline '" + pl.id() + "'");
      }
      Set<String> taskIds = new HashSet<>();
      for (int t = 0; t < pl.tasks().size(); t++) {
        Task task = pl.tasks().get(t);
        if (task.id() == null) {
          continue;
        }
        taskIds.add(task.id());
        taskIds.add(task.fullId());
        String tp = p + ".tasks[" + t + "]";
        String el = "task '" + task.id() + "' of pipeline '" + pl.id() + "'";
        boolean ok = id(c, "BP-AIRFLOW-002", "task id", task.id(), tp + ".id", el);
        if (ok && task.fullId().length() > MAX_ID) {
          c.error(
              "BP-AIRFLOW-003",
              tp + ".id",
              el
                  + " has the Airflow task id '"
                  + task.fullId()
                  + "' ("
                  + task.fullId().length()
                  + " characters with its group prefix), longer than "
                  + MAX_ID,
              "shorten the task or the group id");
        }
      }
      for (int g = 0; g < pl.groups().size(); g++) {
        TaskGroup group = pl.groups().get(g);
        if (group.id() == null) {
          continue;
        }
        String gp = p + ".groups[" + g + "].id";
        String el = "task group '" + group.id() + "' of pipeline '" + pl.id() + "'";
        if (group.id().length() > MAX_GROUP_ID || !GROUP_ID.matcher(group.id()).matches()) {
          c.error(
              "BP-AIRFLOW-004",
              gp,
              el
                  + ": a group id uses only A-Z a-z 0-9 _ - (no '.', which separates group and task)"
                  + " and at most "
                  + MAX_GROUP_ID
                  + " characters",
              "e.g. " + group.id().replaceAll("[^A-Za-z0-9_-]+", "_"));
        }
        if (taskIds.contains(group.id())) {
          c.error(
              "BP-AIRFLOW-005",
              gp,
              el + " has the same id as a task; Airflow refuses a group id that equals a task id",
              "rename the group or the task");
        }
      }
      for (int t = 0; t < pl.tags().size(); t++) {
        String tag = pl.tags().get(t);
        if (tag.length() > MAX_TAG) {
          c.error(
              "BP-AIRFLOW-006",
              p + ".tags[" + t + "]",
              "pipeline '"
                  + pl.id()
                  + "' has a tag of "
                  + tag.length()
                  + " characters; Airflow accepts at most "
                  + MAX_TAG,
              "shorten it");
        }
      }
      if (pl.schedule() != null) {
        String problem = Schedules.problem(pl.schedule());
        if (problem != null) {
          c.error(
              "BP-AIRFLOW-007",
              p + ".schedule",
              "pipeline '" + pl.id() + "' has the schedule '" + pl.schedule() + "': " + problem,
              "write a cron expression of 5 fields such as '30 2 * * *', a preset such as @daily,"
                  + " 'assets' or 'none'");
        }
      }
    }
  }

  private static boolean id(
      Context c, String rule, String what, String id, String path, String element) {
    String why = null;
    if (id.isEmpty() || !ID.matcher(id).matches()) {
      why = "uses characters other than A-Z a-z 0-9 _ . -";
    } else if (id.length() > MAX_ID) {
      why = "is " + id.length() + " characters long, more than " + MAX_ID;
    } else if (id.contains("..")) {
      why = "contains '..', which newer Airflow refuses";
    }
    if (why != null) {
      c.error(
          rule,
          path,
          element + ": the " + what + " '" + id + "' " + why,
          "e.g. " + id.replaceAll("[^A-Za-z0-9_.-]+", "_").replace("..", "."));
      return false;
    }
    return true;
  }
}
