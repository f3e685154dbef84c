package dev.blueprint.workflow.api;

/**
 * What starts (or continues) an engagement.
 *
 * @param slug the engagement id from the requirements; the workflow id is {@code engagement-slug}
 * @param requirementsFile the file the client read, for messages
 * @param requirementsYaml the requirements document's text (so that the history holds the input)
 * @param autoApprove skip the human review: the first revision that passes automated review is
 *     approved
 * @param review reminder and escalation policy
 * @param tuning timeouts, retries and the history limit
 * @param carried the state carried over by continue-as-new, or null on the first run
 */
public record EngagementInput(
    String slug,
    String requirementsFile,
    String requirementsYaml,
    boolean autoApprove,
    ReviewPolicy review,
    Tuning tuning,
    EngagementStatus carried) {

  public EngagementInput {
    review = review == null ? ReviewPolicy.DEFAULT : review;
    tuning = tuning == null ? Tuning.DEFAULT : tuning;
  }

  public static EngagementInput of(String slug, String file, String yaml, boolean autoApprove) {
    return new EngagementInput(slug, file, yaml, autoApprove, null, null, null);
  }

  public EngagementInput withReview(ReviewPolicy value) {
    return new EngagementInput(
        slug, requirementsFile, requirementsYaml, autoApprove, value, tuning, carried);
  }

  public EngagementInput withTuning(Tuning value) {
    return new EngagementInput(
        slug, requirementsFile, requirementsYaml, autoApprove, review, value, carried);
  }

  public EngagementInput withCarried(EngagementStatus value) {
    return new EngagementInput(
        slug, requirementsFile, requirementsYaml, autoApprove, review, tuning, value);
  }

  /** The workflow id of an engagement. */
  public static String workflowId(String slug) {
    return "engagement-" + slug;
  }
}
