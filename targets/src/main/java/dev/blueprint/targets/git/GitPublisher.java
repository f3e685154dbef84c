package dev.blueprint.targets.git;

import dev.blueprint.targets.TargetException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;

/**
 * Publishes a generated repository: one git commit per approved revision, authored (and committed)
 * as the engagement, optionally pushed to a remote. The local repository work (init, add, commit,
 * finding a revision's commit) runs in-process with JGit: an engagement used to start five {@code
 * git} processes to publish, the largest part of its time. Pushing, and the compensation, use the
 * {@code git} command (the transport and credentials the users' git is set up with).
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

  private static final Pattern ANY_TRAILER =
      Pattern.compile("^" + TRAILER + ": *(\\S+) *$", Pattern.MULTILINE);

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
    boolean init = !Files.exists(repoDir.resolve(".git"));
    String commit;
    boolean created;
    Optional<String> head;
    try (Repository repository = init ? initRepository(repoDir) : openRepository(repoDir)) {
      head = head(repository);
      Optional<String> existing =
          head.isEmpty() ? Optional.empty() : find(repository, head.get(), revision);
      if (existing.isPresent()) {
        commit = existing.get();
        created = false;
      } else {
        if (head.isPresent() && !(Constants.R_HEADS + BRANCH).equals(repository.getFullBranch())) {
          throw new TargetException(
              repoDir
                  + " is on another branch than "
                  + BRANCH
                  + "; check out "
                  + BRANCH
                  + " first");
        }
        commit =
            commitWorkTree(
                repository,
                message.strip() + "\n\n" + TRAILER + ": " + revision + "\n",
                new PersonIdent(authorName, authorEmail),
                head);
        created = true;
      }
    } catch (IOException e) {
      throw new TargetException("cannot commit in " + repoDir + ": " + e.getMessage(), e);
    }
    Optional<String> previousRemote = Optional.empty();
    if (remote.isPresent()) {
      Git cli = git(repoDir, authorName, authorEmail);
      previousRemote = remoteHead(cli, remote.get());
      cli.run("push", "--quiet", remote.get(), commit + ":refs/heads/" + BRANCH);
    }
    return new PublishResult(commit, created, init, head, remote, previousRemote);
  }

  /**
   * The revisions committed on branch {@value #BRANCH} (the values of their {@value #TRAILER}
   * trailers), newest first; empty when {@code repoDir} has no repository or no branch yet.
   */
  public List<String> committedRevisions(Path repoDir) {
    if (!Files.isDirectory(repoDir.resolve(".git"))) {
      return List.of();
    }
    try (Repository repository = openRepository(repoDir)) {
      Optional<String> head = head(repository);
      if (head.isEmpty()) {
        return List.of();
      }
      List<String> revisions = new ArrayList<>();
      try (RevWalk walk = new RevWalk(repository)) {
        walk.markStart(walk.parseCommit(ObjectId.fromString(head.get())));
        for (RevCommit c : walk) {
          Matcher m = ANY_TRAILER.matcher(c.getFullMessage());
          while (m.find()) {
            revisions.add(m.group(1));
          }
        }
      }
      return revisions;
    } catch (IOException e) {
      throw new TargetException("cannot read " + repoDir + ": " + e.getMessage(), e);
    }
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

  /**
   * A new repository in {@code dir}, on branch {@value #BRANCH}. In-process (JGit) rather than
   * {@code git init}, {@code add}, {@code commit} and {@code rev-parse} processes: each of those
   * cost a process start, several milliseconds, on every engagement.
   */
  private static Repository initRepository(Path dir) throws IOException {
    try {
      return org.eclipse.jgit.api.Git.init()
          .setDirectory(dir.toFile())
          .setInitialBranch(BRANCH)
          .call()
          .getRepository();
    } catch (GitAPIException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /**
   * What {@code git add --all . && git commit --allow-empty --no-verify} does, in-process: the work
   * tree (less what .gitignore excludes) becomes the index and a commit on HEAD's branch, authored
   * and committed by {@code who}. The objects go into one pack rather than one file each (a temp
   * file, a rename and often a folder per object), so that a commit costs a handful of file
   * operations rather than a hundred.
   */
  private static String commitWorkTree(
      Repository repository, String message, PersonIdent who, Optional<String> parent)
      throws IOException {
    ObjectDirectory objects = (ObjectDirectory) repository.getObjectDatabase();
    DirCache index = repository.lockDirCache();
    try (PackInserter inserter = objects.newPackInserter();
        TreeWalk walk = new TreeWalk(repository)) {
      inserter.checkExisting(false);
      DirCacheBuilder entries = index.builder();
      walk.addTree(new FileTreeIterator(repository));
      while (walk.next()) {
        WorkingTreeIterator file = walk.getTree(0, WorkingTreeIterator.class);
        if (file.isEntryIgnored()) {
          continue;
        }
        if (walk.isSubtree()) {
          walk.enterSubtree();
          continue;
        }
        DirCacheEntry entry = new DirCacheEntry(walk.getRawPath());
        FileMode mode = file.getEntryFileMode();
        entry.setFileMode(mode);
        if (mode == FileMode.GITLINK) {
          entry.setObjectId(file.getEntryObjectId());
        } else {
          entry.setLength(file.getEntryLength());
          entry.setLastModified(file.getEntryLastModifiedInstant());
          try (InputStream in = file.openEntryStream()) {
            entry.setObjectId(
                inserter.insert(Constants.OBJ_BLOB, file.getEntryContentLength(), in));
          }
        }
        entries.add(entry);
      }
      entries.finish();
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(index.writeTree(inserter));
      parent.ifPresent(p -> commit.setParentId(ObjectId.fromString(p)));
      commit.setAuthor(who);
      commit.setCommitter(who);
      commit.setMessage(message);
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      index.write();
      if (!index.commit()) {
        throw new IOException("cannot write the index of " + repository.getWorkTree());
      }
      RefUpdate ref = repository.updateRef(Constants.HEAD);
      ref.setNewObjectId(id);
      ref.setExpectedOldObjectId(parent.map(ObjectId::fromString).orElse(ObjectId.zeroId()));
      ref.setRefLogMessage(
          "commit" + (parent.isEmpty() ? " (initial)" : "") + ": " + firstLine(message), false);
      RefUpdate.Result result = ref.update();
      if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
        throw new IOException("cannot move " + BRANCH + " to the new commit: " + result);
      }
      return id.name();
    } finally {
      index.unlock();
    }
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  private static Repository openRepository(Path dir) throws IOException {
    return new FileRepositoryBuilder()
        .setWorkTree(dir.toFile())
        .setGitDir(dir.resolve(".git").toFile())
        .setMustExist(true)
        .build();
  }

  /** The commit branch {@value #BRANCH} points at, if the branch exists. */
  private static Optional<String> head(Repository repository) throws IOException {
    Ref ref = repository.exactRef(Constants.R_HEADS + BRANCH);
    if (ref == null || ref.getObjectId() == null) {
      return Optional.empty();
    }
    try (RevWalk walk = new RevWalk(repository)) {
      return Optional.of(walk.parseCommit(ref.getObjectId()).getId().name());
    } catch (IncorrectObjectTypeException e) {
      return Optional.empty();
    }
  }

  /** The newest commit from {@code head} back whose message has the revision's trailer line. */
  private static Optional<String> find(Repository repository, String head, int revision)
      throws IOException {
    Pattern trailer =
        Pattern.compile("^" + Pattern.quote(TRAILER + ": " + revision) + "$", Pattern.MULTILINE);
    try (RevWalk walk = new RevWalk(repository)) {
      walk.markStart(walk.parseCommit(ObjectId.fromString(head)));
      for (RevCommit c : walk) {
        if (trailer.matcher(c.getFullMessage()).find()) {
          return Optional.of(c.getId().name());
        }
      }
    }
    return Optional.empty();
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
