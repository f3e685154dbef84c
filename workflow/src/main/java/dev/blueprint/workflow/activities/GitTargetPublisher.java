package dev.blueprint.workflow.activities;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.blueprint.core.generate.Generator;
import dev.blueprint.targets.TargetException;
import dev.blueprint.targets.git.GitPublisher;
import dev.blueprint.targets.git.PublishResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Publishes with the targets module's {@link GitPublisher}: the repository's work tree is made
 * equal to the generated tree and committed as the revision (trailer {@code Blueprint-Revision}),
 * then pushed to the configured remote if any. What the first publication did is kept beside the
 * repository ({@code publish.json}) so that the compensation can undo the push too.
 */
public final class GitTargetPublisher implements PublishPort {

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());

  private final GitPublisher git = new GitPublisher();
  private final String remoteTemplate;

  /**
   * @param remoteTemplate a git URL or path to push to, where {@code {engagement}} stands for the
   *     repository folder's engagement id; null for no push
   */
  public GitTargetPublisher(String remoteTemplate) {
    this.remoteTemplate = remoteTemplate;
  }

  @Override
  public Published publish(Path tree, Path repository, int revision, String message)
      throws IOException {
    if (!Files.isDirectory(tree)) {
      throw new IOException("nothing to publish: " + tree + " does not exist");
    }
    Files.createDirectories(repository);
    List<String> committed;
    try {
      committed = git.committedRevisions(repository);
    } catch (TargetException e) {
      throw new IOException(e.getMessage(), e);
    }
    if (!committed.contains(Integer.toString(revision))) {
      sync(tree, repository);
    }
    Optional<String> remote = remote(repository);
    PublishResult result;
    try {
      String engagement = engagementOf(repository);
      result =
          git.publish(
              repository,
              revision,
              message,
              "engagement-" + engagement,
              engagement + "@engagements.blueprint.invalid",
              remote);
    } catch (TargetException e) {
      throw new IOException(e.getMessage(), e);
    }
    Path record = record(repository);
    if (!Files.exists(record) || result.created()) {
      Workspace.writeAtomically(record, JSON.writeValueAsString(result));
    }
    return new Published(repository, result.commit(), remote.orElse(null));
  }

  @Override
  public boolean pushes() {
    return remoteTemplate != null && !remoteTemplate.isBlank();
  }

  @Override
  public void unpublish(Path repository) throws IOException {
    Path record = record(repository);
    if (Files.exists(record) && Files.exists(repository.resolve(".git"))) {
      try {
        git.unpublish(repository, JSON.readValue(record.toFile(), PublishResult.class));
      } catch (TargetException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    Generator.deleteRecursively(repository);
    Files.deleteIfExists(record);
  }

  private Optional<String> remote(Path repository) {
    if (remoteTemplate == null || remoteTemplate.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(remoteTemplate.replace("{engagement}", engagementOf(repository)));
  }

  /**
   * The engagement a repository belongs to: its folder's parent is the engagement's workspace,
   * named by the slug. Commits are authored as the engagement ({@code engagement-SLUG}, at the
   * reserved .invalid domain so that no real mailbox is implied).
   */
  static String engagementOf(Path repository) {
    return repository.toAbsolutePath().getParent().getFileName().toString();
  }

  private static Path record(Path repository) {
    return repository.resolveSibling("publish.json");
  }

  private static void sync(Path tree, Path repository) throws IOException {
    try (Stream<Path> entries = Files.list(repository)) {
      for (Path p : entries.toList()) {
        if (!p.getFileName().toString().equals(".git")) {
          Generator.deleteRecursively(p);
        }
      }
    }
    try (Stream<Path> all = Files.walk(tree)) {
      for (Path source : all.toList()) {
        Path target = repository.resolve(tree.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
