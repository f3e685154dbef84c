package dev.blueprint.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Who the work is for, and what it is about. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Engagement(
    @JsonPropertyDescription(
            "Slug id: lowercase letters, digits and '-', used for the workflow id and folder names.")
        String id,
    String title,
    @JsonPropertyDescription("build-new, or improve-existing (then describe existingSystem).")
        EngagementKind kind,
    @JsonPropertyDescription("The person who owns the problem or represents the users.")
        Person problemOwner,
    List<Person> stakeholders,
    @JsonPropertyDescription("The system to improve, for kind improve-existing.")
        ExistingSystem existingSystem,
    @JsonPropertyDescription("The business problem in the problem owner's words.")
        String businessProblem,
    @JsonPropertyDescription("The core problem after drilling down.") String coreProblem) {

  public Engagement {
    stakeholders = Lists.copy(stakeholders);
  }
}
