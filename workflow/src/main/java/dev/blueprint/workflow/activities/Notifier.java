package dev.blueprint.workflow.activities;

/** Tells people about a waiting review. */
public interface Notifier {

  void reviewOpened(String slug, int revision, int findings);

  void remind(String slug, int revision, int reminder, long ageMillis);

  void escalate(String slug, int revision, int reminders);
}
