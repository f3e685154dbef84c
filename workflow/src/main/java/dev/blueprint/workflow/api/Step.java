package dev.blueprint.workflow.api;

/** The steps of an engagement, in the order they run. */
public enum Step {
  INTAKE("load and validate the requirements"),
  ADVISE("write the proposal, report and decision records"),
  REVIEW("automated review against the architecture principles"),
  HUMAN_REVIEW("wait for the reviewer's decision"),
  GENERATE("render the scaffolding repository"),
  PROVISION("apply Kafka topics and DDL to the configured targets"),
  PUBLISH("commit the approved revision to the git repository"),
  DONE("nothing left to do");

  private final String description;

  Step(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
