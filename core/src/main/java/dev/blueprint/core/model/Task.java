package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** One step of a pipeline. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "id",
  "kind",
  "description",
  "group",
  "command",
  "inputs",
  "outputs",
  "dependsOn",
  "retries",
  "compensates",
  "state"
})
public record Task(
    @JsonPropertyDescription("task_id: [A-Za-z0-9_.-]; with its group, at most 250 characters.")
        String id,
    TaskKind kind,
    String description,
    @JsonPropertyDescription("The id of the task group it belongs to.") String group,
    @JsonPropertyDescription(
            "What it runs: a shell command, a SQL statement, a Python callable's dotted path or a"
                + " Spark application, depending on kind.")
        String command,
    @JsonPropertyDescription("Dataset or stream names it reads.") List<String> inputs,
    @JsonPropertyDescription("Dataset or stream names it writes.") List<String> outputs,
    @JsonPropertyDescription("Task ids that must finish first.") List<String> dependsOn,
    Integer retries,
    @JsonPropertyDescription(
            "Makes this a compensating task: it runs when any of these task ids fails, and undoes"
                + " their partial work.")
        List<String> compensates,
    @JsonPropertyDescription(
            "Where the step keeps state between runs: none (stateless), store (in a dataset or"
                + " stream) or local (on the worker's disk or memory, which the review flags).")
        TaskState state) {

  public Task {
    inputs = Lists.copy(inputs);
    outputs = Lists.copy(outputs);
    dependsOn = Lists.copy(dependsOn);
    compensates = Lists.copy(compensates);
  }

  /** True when this task undoes others' work after a failure. */
  @JsonIgnore
  public boolean isCompensation() {
    return !compensates.isEmpty();
  }

  /** The Airflow task id: "group.task" inside a group, else the task's own id. */
  public String fullId() {
    return group == null || group.isEmpty() ? id : group + "." + id;
  }
}
