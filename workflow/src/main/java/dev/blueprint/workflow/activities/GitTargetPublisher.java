package dev.blueprint.workflow.activities;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.blueprint.core.generate.Generator;
import dev.blueprint.core.io.FileMutex;
import dev.blueprint.targets.TargetException;
import dev.blueprint.targets.git.GitPublisher;
import dev.blueprint.targets.git.PublishResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes with the targets module's {@link GitPublisher}: the generated tree is committed as the
 * revision (trailer {@code Blueprint-Revision}) straight from the generated folder, checked file
 * for file, and the repository's work tree made equal to it; then pushed to the configured remote
 * if any. What the first publication did is kept beside the repository ({@code publish.json}) so
 * that the compensation can undo the push too.
 *
 * <p>Crash-safe: a publish holds {@code .publish.lock} beside the repository (an OS lock, see
 * {@link FileMutex}) for its whole length, so two attempts never run at once, and the one that
 * holds it removes what a killed attempt left (git's lock files, half-written packs). Before
 * pushing, the intent (remote, branch, the remote's commit before and ours) is written to {@code
 * push-intent.json}; it is removed once {@code publish.json} records the push. A retry after a
 * crash between the two completes the record from the intent; the compensation undoes a push
 * recorded in either file, after checking with ls-remote that the remote branch still points at our
 * commit.
 */
public final class GitTargetPublisher implements PublishPort {

  private static final Logger log = LoggerFactory.getLogger(GitTargetPublisher.class);

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());

  /** How long a publish waits for another attempt of the same engagement's publish to end. */
  static final Duration LOCK_WAIT = Duration.ofSeconds(30);

  /**
   * A push about to happen: branch {@code ref} of {@code remote} goes from {@code previous} (absent
   * when empty) to {@code commit}.
   */
  public record PushIntent(String remote, String ref, Optional<String> previous, String commit) {}

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
  @SuppressWarnings("try") // the lock is held for the try block
  public Published publish(Path tree, Path repository, int revision, String message)
      throws IOException {
    if (!Files.isDirectory(tree)) {
      throw new IOException("nothing to publish: " + tree + " does not exist");
    }
    Files.createDirectories(repository.getParent());
    try (FileMutex held = FileMutex.acquire(lockFile(repository), LOCK_WAIT)) {
      return publishHeld(tree, repository, revision, message);
    } catch (TargetException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private Published publishHeld(Path tree, Path repository, int revision, String message)
      throws IOException {
    for (Path p : git.recoverFromCrash(repository)) {
      log.warn("removed {}, left by a publish that was killed", p);
    }
    String engagement = engagementOf(repository);
    String author = "engagement-" + engagement;
    String email = engagement + "@engagements.blueprint.invalid";
    Path record = record(repository);
    boolean recorded = Files.exists(record);
    GitPublisher.Committed c = git.commitTree(tree, repository, revision, message, author, email);
    Optional<String> remote = remote(repository);
    Optional<String> previousRemote = Optional.empty();
    if (remote.isPresent()) {
      Path intentFile = intent(repository);
      Optional<PushIntent> earlier = readIntent(intentFile);
      if (earlier.isPresent()
          && earlier.get().commit().equals(c.commit())
          && earlier.get().remote().equals(remote.get())) {
        // a crash after the intent was written: the remote's state before the push is the one
        // recorded then, whether or not that push happened
        previousRemote = earlier.get().previous();
      } else {
        if (earlier.isPresent()) {
          // the intent of a push of another commit that never got recorded: undo it if it happened
          git.undoPush(
              repository, earlier.get().remote(), earlier.get().commit(), earlier.get().previous());
        }
        previousRemote = git.remoteHead(repository, remote.get());
        Workspace.writeAtomically(
            intentFile,
            JSON.writeValueAsString(
                new PushIntent(
                    remote.get(),
                    "refs/heads/" + GitPublisher.BRANCH,
                    previousRemote,
                    c.commit())));
      }
      if (!git.remoteHead(repository, remote.get()).equals(Optional.of(c.commit()))) {
        git.push(repository, remote.get(), c.commit(), author, email);
      }
    }
    // no record yet: whatever an earlier, killed attempt did (init, commit) was this engagement's
    PublishResult result =
        new PublishResult(
            c.commit(),
            c.created() || !recorded,
            c.createdRepository() || !recorded,
            c.previousHead(),
            remote,
            previousRemote);
    if (!recorded || c.created()) {
      Workspace.writeAtomically(record, JSON.writeValueAsString(result));
    }
    Files.deleteIfExists(intent(repository));
    return new Published(repository, c.commit(), remote.orElse(null));
  }

  @Override
  public boolean pushes() {
    return remoteTemplate != null && !remoteTemplate.isBlank();
  }

  @Override
  @SuppressWarnings("try") // the lock is held for the try block
  public void unpublish(Path repository) throws IOException {
    Files.createDirectories(repository.getParent());
    try (FileMutex held = FileMutex.acquire(lockFile(repository), LOCK_WAIT)) {
      Path record = record(repository);
      Path intentFile = intent(repository);
      boolean hasGit = Files.exists(repository.resolve(".git"));
      if (hasGit) {
        git.recoverFromCrash(repository);
      }
      Optional<PushIntent> intent = readIntent(intentFile);
      if (intent.isPresent() && hasGit) {
        // a push whose record was never written (the worker died between the two)
        git.undoPush(
            repository, intent.get().remote(), intent.get().commit(), intent.get().previous());
      }
      if (Files.exists(record) && hasGit) {
        git.unpublish(repository, JSON.readValue(record.toFile(), PublishResult.class));
      }
      Generator.deleteRecursively(repository);
      Files.deleteIfExists(record);
      Files.deleteIfExists(intentFile);
    } catch (TargetException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static Optional<PushIntent> readIntent(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(JSON.readValue(file.toFile(), PushIntent.class));
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

  /** The push about to happen, written before it and removed once {@link #record} holds it. */
  static Path intent(Path repository) {
    return repository.resolveSibling("push-intent.json");
  }

  /** The lock held for the length of a publish or unpublish. */
  static Path lockFile(Path repository) {
    return repository.resolveSibling(".publish.lock");
  }
}
