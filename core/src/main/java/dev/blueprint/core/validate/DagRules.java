package dev.blueprint.core.validate;

import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BP-DAG-001 the dependencies of a pipeline's tasks form a cycle (printed as {@code a -> b -> a});
 * BP-DAG-002 a compensating task compensates itself or another compensating task; BP-DAG-003 a task
 * depends on a compensating task, which runs only after a failure.
 */
final class DagRules implements Rule {

  @Override
  public void check(Context c) {
    List<Pipeline> pipelines = c.architecture().pipelines();
    for (int i = 0; i < pipelines.size(); i++) {
      Pipeline pl = pipelines.get(i);
      String p = "architecture.pipelines[" + i + "]";
      Map<String, Integer> index = new LinkedHashMap<>();
      for (int t = 0; t < pl.tasks().size(); t++) {
        index.putIfAbsent(pl.tasks().get(t).id(), t);
      }
      cycles(c, pl, p, index);
      for (int t = 0; t < pl.tasks().size(); t++) {
        Task task = pl.tasks().get(t);
        String tp = p + ".tasks[" + t + "]";
        for (int j = 0; j < task.compensates().size(); j++) {
          String target = task.compensates().get(j);
          Integer ti = index.get(target);
          if (target.equals(task.id())) {
            c.error(
                "BP-DAG-002",
                tp + ".compensates[" + j + "]",
                "task '" + task.id() + "' of pipeline '" + pl.id() + "' compensates itself",
                "a compensating task undoes the partial work of other tasks");
          } else if (ti != null && pl.tasks().get(ti).isCompensation()) {
            c.error(
                "BP-DAG-002",
                tp + ".compensates[" + j + "]",
                "task '"
                    + task.id()
                    + "' of pipeline '"
                    + pl.id()
                    + "' compensates '"
                    + target
                    + "', which is itself a compensating task",
                "compensate the tasks that do the work");
          }
        }
        for (int j = 0; j < task.dependsOn().size(); j++) {
          Integer di = index.get(task.dependsOn().get(j));
          if (di != null && pl.tasks().get(di).isCompensation() && !task.isCompensation()) {
            c.error(
                "BP-DAG-003",
                tp + ".dependsOn[" + j + "]",
                "task '"
                    + task.id()
                    + "' of pipeline '"
                    + pl.id()
                    + "' depends on the compensating task '"
                    + task.dependsOn().get(j)
                    + "', which runs only when something failed",
                "depend on the task that does the work");
          }
        }
      }
    }
  }

  private static void cycles(Context c, Pipeline pl, String p, Map<String, Integer> index) {
    Map<String, Integer> state = new HashMap<>(); // 1 on the path, 2 done
    Set<String> reported = new HashSet<>();
    for (String start : index.keySet()) {
      visit(c, pl, p, index, start, state, new ArrayList<>(), reported);
    }
  }

  private static void visit(
      Context c,
      Pipeline pl,
      String p,
      Map<String, Integer> index,
      String id,
      Map<String, Integer> state,
      List<String> stack,
      Set<String> reported) {
    Integer s = state.get(id);
    if (s != null && s == 2) {
      return;
    }
    if (s != null && s == 1) {
      List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(id), stack.size()));
      cycle.add(id);
      String first = cycle.get(0);
      String key = String.join(",", cycle.subList(0, cycle.size() - 1).stream().sorted().toList());
      if (reported.add(key)) {
        int t = index.get(first);
        int j = pl.tasks().get(t).dependsOn().indexOf(cycle.get(1));
        c.error(
            "BP-DAG-001",
            p + ".tasks[" + t + "].dependsOn[" + j + "]",
            "the tasks of pipeline '"
                + pl.id()
                + "' depend on each other in a cycle: "
                + String.join(" -> ", cycle),
            "remove one of these dependencies");
      }
      return;
    }
    state.put(id, 1);
    stack.add(id);
    Integer t = index.get(id);
    if (t != null) {
      for (String dep : pl.tasks().get(t).dependsOn()) {
        if (index.containsKey(dep)) {
          visit(c, pl, p, index, dep, state, stack, reported);
        }
      }
    }
    stack.remove(stack.size() - 1);
    state.put(id, 2);
  }
}
