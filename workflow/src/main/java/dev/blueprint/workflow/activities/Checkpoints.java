package dev.blueprint.workflow.activities;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.blueprint.workflow.api.EngagementInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An engagement's checkpoint in its workspace, {@code checkpoint.json}: the workflow's input with
 * its whole state carried (without the requirements text, which the workspace keeps beside it).
 * Written atomically at every step and decision; read by {@code blueprint up} to resume engagements
 * that an in-memory server lost.
 */
public final class Checkpoints {

  public static final String FILE = "checkpoint.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new Jdk8Module())
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Checkpoints() {}

  /** Writes the checkpoint if the workspace still exists; returns whether it did. */
  public static boolean write(Workspace workspace, String slug, EngagementInput state)
      throws IOException {
    Path dir = workspace.dir(slug);
    if (!Files.isDirectory(dir)) {
      return false;
    }
    Workspace.writeAtomically(dir.resolve(FILE), JSON.writeValueAsString(state) + "\n");
    return true;
  }

  /** The checkpoint in {@code dir}, if there is one. */
  public static Optional<EngagementInput> read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), EngagementInput.class));
    } catch (IOException e) {
      throw new IOException(file + ": not a readable checkpoint (" + e.getMessage() + ")", e);
    }
  }
}
