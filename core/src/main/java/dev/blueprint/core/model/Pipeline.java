package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** A batch pipeline, orchestrated as one Airflow DAG. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "id",
  "description",
  "owner",
  "schedule",
  "startDate",
  "tags",
  "retries",
  "retryDelay",
  "groups",
  "tasks"
})
public record Pipeline(
    @JsonPropertyDescription("The dag_id: [A-Za-z0-9_.-], at most 250 characters.") String id,
    @JsonPropertyDescription("Becomes the DAG's doc_md.") String description,
    String owner,
    @JsonPropertyDescription(
            "A cron expression, a preset such as @daily, 'assets' to run when the datasets it"
                + " reads are updated, or 'none' for manual runs.")
        String schedule,
    LocalDate startDate,
    List<String> tags,
    @JsonPropertyDescription("Default retries of every task.") Integer retries,
    @JsonPropertyDescription("Default delay between retries, e.g. 5m.") Duration retryDelay,
    List<TaskGroup> groups,
    List<Task> tasks) {

  public Pipeline {
    tags = Lists.copy(tags);
    groups = Lists.copy(groups);
    tasks = Lists.copy(tasks);
  }
}
