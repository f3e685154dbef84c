package dev.blueprint.workflow.activities;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifies by logging and by a line in the engagement's {@code notifications.log} (written once per
 * reminder, so that a retried notification is not repeated). Mail or chat can replace it.
 */
public final class FileNotifier implements Notifier {

  private static final Logger log = LoggerFactory.getLogger(FileNotifier.class);

  private final Workspace workspace;

  public FileNotifier(Workspace workspace) {
    this.workspace = workspace;
  }

  @Override
  public void reviewOpened(String slug, int revision, int findings) {
    write(
        slug,
        "review opened: revision "
            + revision
            + " of "
            + slug
            + " waits for a decision ("
            + findings
            + " findings)");
  }

  @Override
  public void remind(String slug, int revision, int reminder, long ageMillis) {
    String line =
        "reminder "
            + reminder
            + ": revision "
            + revision
            + " of "
            + slug
            + " has waited "
            + ageMillis / 3_600_000
            + " h for a review decision";
    write(slug, line);
  }

  @Override
  public void escalate(String slug, int revision, int reminders) {
    write(
        slug,
        "escalation: revision "
            + revision
            + " of "
            + slug
            + " has no decision after "
            + reminders
            + " reminders; the problem owner is asked to step in");
  }

  private void write(String slug, String line) {
    log.info("{}", line);
    Path file = workspace.notifications(slug);
    try {
      if (!Files.isDirectory(file.getParent())) {
        return; // the workspace is gone (compensated): nothing to tell
      }
      List<String> existing =
          Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
      if (!existing.contains(line)) {
        Files.writeString(
            file,
            line + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
