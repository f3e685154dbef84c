package dev.blueprint.cli.commands;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the worker keeps engagements' folders. */
public final class WorkspaceOption {

  @Option(
      names = "--workspace",
      paramLabel = "DIR",
      description =
          "Folder with one sub-folder per engagement (env BLUEPRINT_WORKSPACE; default"
              + " ./engagements).")
  Path workspace;

  public Path root() {
    if (workspace != null) {
      return workspace;
    }
    String env = System.getenv("BLUEPRINT_WORKSPACE");
    return Path.of(env == null || env.isBlank() ? "engagements" : env);
  }
}
