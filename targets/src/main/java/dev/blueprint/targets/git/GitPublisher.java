package dev.blueprint.targets.git;

import dev.blueprint.targets.TargetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Publishes a generated repository: one git commit per approved revision, authored (and committed)
 * as the engagement, optionally pushed to a remote. Uses the {@code git} command, which every
 * machine that clones this project has, rather than a library: no extra jar, and exactly the
 * behaviour (hooks aside) of the git the users run.
 *
 * <p>Idempotent: each commit carries the trailer {@code Blueprint-Revision: N}; publishing a
 * revision whose commit is on the branch already commits nothing (and re-pushes, which is a no-op
 * when the remote has it).
 */
public final class GitPublisher {

  /** The branch published to. */
  public static final String BRANCH = "main";

  /** The trailer that makes a revision's commit findable. */
  public static final String TRAILER = "Blueprint-Revision";

  /**
   * Commits everything in {@code repoDir} as revision {@code revision} (initialising the repository
   * when it has none) and pushes branch {@value #BRANCH} to {@code remote} if given.
   *
   * @param repoDir the generated repository's folder
   * @param revision the approved revision's number
   * @param message the commit message (the trailer is appended)
   * @param authorName the engagement as author, e.g. its title
   * @param authorEmail the engagement's address
   * @param remote a git URL or a path to a (bare) repository
   */
  public PublishResult publish(
      Path repoDir,
      int revision,
      String message,
      String authorName,
      String authorEmail,
      Optional<String> remote) {
    if (!Files.isDirectory(repoDir)) {
      throw new TargetException("cannot publish " + repoDir + ": no such folder");
    }
    Git git = git(repoDir, authorName, authorEmail);
    boolean init = !Files.exists(repoDir.resolve(".git"));
    if (init) {
      git.run("init", "--quiet", "--initial-branch=" + BRANCH);
    }
    Optional<String> head = revParse(git, "refs/heads/" + BRANCH);
    Optional<String> existing =
        head.isEmpty()
            ? Optional.empty()
            : nonEmpty(
                git.run(
                    "log",
                    BRANCH,
                    "-n",
                    "1",
                    "--format=%H",
                    "--extended-regexp",
                    "--grep=^" + TRAILER + ": " + revision + "$"));
    String commit;
    boolean created;
    if (existing.isPresent()) {
      commit = existing.get();
      created = false;
    } else {
      if (head.isPresent() && !git.run("symbolic-ref", "--short", "HEAD").equals(BRANCH)) {
        throw new TargetException(
            repoDir + " is on another branch than " + BRANCH + "; check out " + BRANCH + " first");
      }
      git.run("add", "--all", ".");
      git.run(
          "commit",
          "--quiet",
          "--allow-empty",
          "--no-verify",
          "--message",
          message.strip() + "\n\n" + TRAILER + ": " + revision);
      commit = git.run("rev-parse", "HEAD");
      created = true;
    }
    Optional<String> previousRemote = Optional.empty();
    if (remote.isPresent()) {
      previousRemote = remoteHead(git, remote.get());
      git.run("push", "--quiet", remote.get(), commit + ":refs/heads/" + BRANCH);
    }
    return new PublishResult(commit, created, init, head, remote, previousRemote);
  }

  /**
   * The engagement's compensation: undoes what {@code result} did and nothing else. The remote
   * branch goes back to where it was (deleted if this publish created it) only if it still points
   * at our commit; the local branch likewise; a repository this publish initialised loses its
   * {@code .git} folder (the generated files stay: they belong to the generator's step).
   * Idempotent.
   */
  public void unpublish(Path repoDir, PublishResult result) {
    if (!Files.exists(repoDir.resolve(".git"))) {
      return;
    }
    Git git = git(repoDir, "blueprint", "blueprint@invalid");
    if (result.remote().isPresent() && result.created()) {
      String remote = result.remote().get();
      Optional<String> now = remoteHead(git, remote);
      if (now.isPresent() && now.get().equals(result.commit())) {
        if (result.previousRemoteHead().isEmpty()) {
          git.run("push", "--quiet", remote, "--delete", BRANCH);
        } else {
          git.run(
              "push",
              "--quiet",
              "--force-with-lease=refs/heads/" + BRANCH + ":" + result.commit(),
              remote,
              result.previousRemoteHead().get() + ":refs/heads/" + BRANCH);
        }
      }
    }
    if (result.createdRepository()) {
      deleteTree(repoDir.resolve(".git"));
      return;
    }
    if (result.created()
        && revParse(git, "refs/heads/" + BRANCH).equals(Optional.of(result.commit()))) {
      if (result.previousHead().isPresent()) {
        git.run("update-ref", "refs/heads/" + BRANCH, result.previousHead().get(), result.commit());
      } else {
        git.run("update-ref", "-d", "refs/heads/" + BRANCH, result.commit());
      }
    }
  }

  private static Git git(Path dir, String name, String email) {
    return new Git(
        dir,
        Map.of(
            "GIT_AUTHOR_NAME", name,
            "GIT_AUTHOR_EMAIL", email,
            "GIT_COMMITTER_NAME", name,
            "GIT_COMMITTER_EMAIL", email));
  }

  private static Optional<String> revParse(Git git, String ref) {
    Git.Result r = git.tryRun("rev-parse", "--verify", "--quiet", ref + "^{commit}");
    return r.exit() == 0 ? nonEmpty(r.out().strip()) : Optional.empty();
  }

  private static Optional<String> remoteHead(Git git, String remote) {
    String out = git.run("ls-remote", remote, "refs/heads/" + BRANCH);
    return out.isBlank() ? Optional.empty() : Optional.of(out.split("\\s+")[0]);
  }

  private static Optional<String> nonEmpty(String s) {
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new TargetException("cannot remove " + dir + ": " + e.getMessage(), e);
    }
  }
}
