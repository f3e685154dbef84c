package dev.blueprint.workflow;

import dev.blueprint.core.kafka.TopicSpecs;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.workflow.activities.ProvisionPort;
import dev.blueprint.workflow.activities.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A provisioning target on disk, standing in for a Kafka cluster: one file per topic under a
 * folder. It records what it created in the state folder, and undoes only that.
 */
public final class FolderTarget implements ProvisionPort {

  private final Path cluster;

  public FolderTarget(Path cluster) {
    this.cluster = cluster;
  }

  @Override
  public String apply(Blueprint blueprint, Path stateDir) throws IOException {
    Files.createDirectories(cluster);
    Files.createDirectories(stateDir);
    List<String> created = new ArrayList<>();
    for (var topic : TopicSpecs.of(blueprint)) {
      Path f = cluster.resolve(topic.name());
      if (!Files.exists(f)) {
        // record the intent first: an undo after a crash here then removes a half-made topic
        created.add(topic.name());
        Workspace.writeAtomically(stateDir.resolve("created.txt"), String.join("\n", created));
        Files.writeString(f, topic.toString());
      }
    }
    return created.size() + " topics";
  }

  @Override
  public void undo(Path stateDir) throws IOException {
    Path record = stateDir.resolve("created.txt");
    if (!Files.exists(record)) {
      return;
    }
    for (String name : Files.readAllLines(record)) {
      if (!name.isBlank()) {
        Files.deleteIfExists(cluster.resolve(name));
      }
    }
  }
}
