package dev.blueprint.workflow.api;

/**
 * When to nag the reviewer.
 *
 * @param reminderEverySeconds the period between reminders while no decision is made
 * @param escalateAfterReminders the reminder count after which the review is escalated
 */
public record ReviewPolicy(long reminderEverySeconds, int escalateAfterReminders) {

  /** One reminder a day; escalate after three. */
  public static final ReviewPolicy DEFAULT = new ReviewPolicy(86_400, 3);

  public ReviewPolicy {
    if (reminderEverySeconds <= 0) {
      throw new IllegalArgumentException("the reminder period must be positive");
    }
    if (escalateAfterReminders < 1) {
      throw new IllegalArgumentException("escalate after at least one reminder");
    }
  }
}
