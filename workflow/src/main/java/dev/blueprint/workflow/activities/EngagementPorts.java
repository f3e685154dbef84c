package dev.blueprint.workflow.activities;

/**
 * What the steps delegate to: the advisor, the reviewer, the provisioning targets, the publisher
 * and the notifier, and the version recorded in generated repositories.
 */
public record EngagementPorts(
    AdvicePort advice,
    ReviewPort review,
    ProvisionPort provision,
    PublishPort publisher,
    Notifier notifier,
    String version) {

  public EngagementPorts withAdvice(AdvicePort value) {
    return new EngagementPorts(value, review, provision, publisher, notifier, version);
  }

  public EngagementPorts withReview(ReviewPort value) {
    return new EngagementPorts(advice, value, provision, publisher, notifier, version);
  }

  public EngagementPorts withProvision(ProvisionPort value) {
    return new EngagementPorts(advice, review, value, publisher, notifier, version);
  }

  public EngagementPorts withPublisher(PublishPort value) {
    return new EngagementPorts(advice, review, provision, value, notifier, version);
  }

  public EngagementPorts withNotifier(Notifier value) {
    return new EngagementPorts(advice, review, provision, publisher, value, version);
  }
}
