package dev.blueprint.core.generate.docs;

import dev.blueprint.core.generate.Naming;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A pipeline as the docs list it.
 *
 * @param id the dag_id
 * @param schedule the schedule, or "none"
 * @param owner the owner, or "-"
 * @param reads datasets and streams its tasks read and no task of it writes, sorted
 * @param writes datasets and streams its tasks write, sorted
 * @param dagFile the DAG file, e.g. dags/page_views_to_lake.py
 * @param description the description, or ""
 */
public record PipelineView(
    String id,
    String schedule,
    String owner,
    List<String> reads,
    List<String> writes,
    String dagFile,
    String description) {

  public PipelineView {
    reads = List.copyOf(reads);
    writes = List.copyOf(writes);
  }

  public static List<PipelineView> of(List<Pipeline> pipelines) {
    List<PipelineView> out = new ArrayList<>();
    for (Pipeline p : pipelines) {
      Set<String> reads = new TreeSet<>();
      Set<String> writes = new TreeSet<>();
      for (Task t : p.tasks()) {
        reads.addAll(t.inputs());
        writes.addAll(t.outputs());
      }
      reads.removeAll(writes);
      out.add(
          new PipelineView(
              p.id(),
              p.schedule() == null ? "none" : p.schedule(),
              p.owner() == null ? "-" : p.owner(),
              List.copyOf(reads),
              List.copyOf(writes),
              Naming.dagFile(p.id()),
              p.description() == null ? "" : p.description()));
    }
    return out;
  }
}
