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
 * @param carried the state carried over by continue-as-new or resumed from a checkpoint, or null on
 *     the first run
 * @param resumed this run starts from the engagement's checkpoint on a server that had lost it
 */
public record EngagementInput(
    String slug,
    String requirementsFile,
    String requirementsYaml,
    boolean autoApprove,
    ReviewPolicy review,
    Tuning tuning,
    EngagementStatus carried,
    boolean resumed) {

  public EngagementInput {
    review = review == null ? ReviewPolicy.DEFAULT : review;
    tuning = tuning == null ? Tuning.DEFAULT : tuning;
  }

  public static EngagementInput of(String slug, String file, String yaml, boolean autoApprove) {
    return new EngagementInput(slug, file, yaml, autoApprove, null, null, null, false);
  }

  public EngagementInput withReview(ReviewPolicy value) {
    return new EngagementInput(
        slug, requirementsFile, requirementsYaml, autoApprove, value, tuning, carried, resumed);
  }

  public EngagementInput withTuning(Tuning value) {
    return new EngagementInput(
        slug, requirementsFile, requirementsYaml, autoApprove, review, value, carried, resumed);
  }

  /** The input of the next run of a continue-as-new, carrying {@code value}. */
  public EngagementInput withCarried(EngagementStatus value) {
    return new EngagementInput(
        slug, requirementsFile, requirementsYaml, autoApprove, review, tuning, value, false);
  }

  /**
   * The checkpoint's form of this input: the state to resume from, without the requirements text
   * (the workspace keeps a copy; leaving it out keeps the history of every checkpoint small).
   */
  public EngagementInput checkpoint(EngagementStatus state) {
    return new EngagementInput(
        slug, requirementsFile, null, autoApprove, review, tuning, state, false);
  }

  /**
   * The input that resumes a checkpoint, with the requirements text read back from the workspace.
   */
  public EngagementInput resume(String yaml) {
    return new EngagementInput(
        slug, requirementsFile, yaml, autoApprove, review, tuning, carried, true);
  }

  /** The workflow id of an engagement. */
  public static String workflowId(String slug) {
    return "engagement-" + slug;
  }
}
