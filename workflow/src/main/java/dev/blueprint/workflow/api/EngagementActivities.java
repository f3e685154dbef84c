package dev.blueprint.workflow.api;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * The steps with side effects, and their compensations. Every method is idempotent: run twice
 * (after a crash, or a retry) it changes nothing the second time. Every compensation copes with a
 * step that did none or only part of its work.
 */
@ActivityInterface
public interface EngagementActivities {

  /** Failure type of invalid input; never retried. */
  String INVALID_INPUT = "InvalidInput";

  /**
   * Creates the workspace, keeps a copy of the requirements and validates them.
   *
   * @param owner the first run id of the workflow, so that a compensation only removes a workspace
   *     this engagement created
   * @return the workspace's absolute path
   */
  String intake(String slug, String owner, String requirementsFile, String requirementsYaml);

  void discardWorkspace(String slug, String owner);

  /** Writes the proposal (revision 1), report and decision records; returns the report's path. */
  String advise(String slug);

  void discardAdvice(String slug);

  /** Reviews a revision and records the findings beside it. */
  List<Finding> review(String slug, int revision);

  void discardReview(String slug, int revision);

  /** Records an amended blueprint as a new revision (validated: invalid input is not retried). */
  void openRevision(String slug, int revision, String fileName, String blueprintYaml);

  void discardRevision(String slug, int revision);

  /** Tells the reviewer a revision waits for a decision (workflow version 2 on). */
  void announceReview(String slug, int revision, int findings);

  /** Tells the reviewer the review is waiting. */
  void remind(String slug, int revision, int reminder, long ageMillis);

  /** Tells the problem owner the review is stuck. */
  void escalate(String slug, int revision, int reminders);

  /** Renders the revision into the generated tree; returns its absolute path. */
  String generate(String slug, int revision);

  void discardGenerated(String slug);

  /** Applies Kafka topics and DDL to the configured targets (none by default). */
  String provision(String slug, int revision);

  void deprovision(String slug);

  /**
   * What this worker's targets reach. From workflow version 4 on the workflow asks (a local
   * activity, so the answer is recorded in the history and a replay sees the same), skips Provision
   * when no target is configured and publishes as a local activity when nothing is pushed.
   */
  Targets targets();

  /** Commits the generated tree as the approved revision (one commit per revision). */
  PublishResult publish(String slug, int revision);

  void unpublish(String slug);

  /**
   * Writes the engagement's state into its workspace ({@code checkpoint.json}), atomically, so that
   * an in-memory server that stops loses nothing: {@code blueprint up} resumes from it. Does
   * nothing once the workspace is gone (a discarded engagement leaves nothing to resume).
   */
  void checkpoint(String slug, EngagementInput state);

  /**
   * The task queue of this worker's host: the queue whose workers hold the same workspace root on
   * the same host (workflow v7 on, the engagement moves there before it touches a file).
   */
  String hostQueue();

  /** Where the published repository is. */
  record PublishResult(String repository, String commit, String remote) {}

  /**
   * @param provisions a provisioning target (Kafka, PostgreSQL) is configured
   * @param pushes publishing pushes to a remote repository
   */
  record Targets(boolean provisions, boolean pushes) {}
}
