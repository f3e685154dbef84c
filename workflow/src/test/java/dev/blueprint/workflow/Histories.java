package dev.blueprint.workflow;

import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves the history of a real run as a replay fixture, when run with {@code
 * -Dblueprint.golden.update=true}; the files are committed under src/test/resources/histories.
 */
public final class Histories {
  private Histories() {}

  public static boolean updating() {
    return Boolean.getBoolean("blueprint.golden.update");
  }

  public static Path dir() {
    return TestPorts.root().resolve("workflow/src/test/resources/histories");
  }

  /**
   * Saves {@code workflowId}'s history as {@code name-VERSION}.json (the current workflow version)
   * when updating; else nothing.
   */
  public static void save(WorkflowClient client, String workflowId, String name)
      throws IOException {
    if (!updating()) {
      return;
    }
    Files.createDirectories(dir());
    Files.writeString(
        dir().resolve(name + "-" + WorkflowVersions.CURRENT + ".json"),
        client.fetchHistory(workflowId).toJson(true) + "\n");
  }
}
