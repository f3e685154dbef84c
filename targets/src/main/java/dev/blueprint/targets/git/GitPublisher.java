package dev.blueprint.targets.git;

import dev.blueprint.targets.TargetException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.eclipse.jgit.lib.ObjectInserter;
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
import org.eclipse.jgit.treewalk.WorkingTreeOptions;

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
    Committed c = commitTree(repoDir, repoDir, revision, message, authorName, authorEmail);
    String commit = c.commit();
    Optional<String> previousRemote = Optional.empty();
    if (remote.isPresent()) {
      Git cli = git(repoDir, authorName, authorEmail);
      previousRemote = remoteHead(cli, remote.get());
      cli.run("push", "--quiet", remote.get(), commit + ":refs/heads/" + BRANCH);
    }
    return new PublishResult(
        commit, c.created(), c.createdRepository(), c.previousHead(), remote, previousRemote);
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
   * What one {@link #commitTree} did.
   *
   * @param commit the revision's commit (new or found)
   * @param created whether this call made it
   * @param createdRepository whether this call initialised the repository
   * @param previousHead the commit's parent, empty for the first commit
   * @param files how many files the commit holds
   */
  public record Committed(
      String commit,
      boolean created,
      boolean createdRepository,
      Optional<String> previousHead,
      int files) {}

  /**
   * Commits the tree {@code tree} (less what its .gitignore files exclude) as revision {@code
   * revision} on branch {@value #BRANCH} of the repository in {@code repoDir} (initialised when it
   * has none), then makes {@code repoDir}'s work tree and index equal to that commit.
   *
   * <p>Atomic: the commit is built from {@code tree} alone (blobs and trees written into one pack,
   * through an in-memory index), never from the work tree or the index file of {@code repoDir}, so
   * a crash leaves either no commit or the whole one; the branch moves only after the objects are
   * flushed. Before it returns, the commit's tree is read back and compared with {@code tree} file
   * for file (paths, modes and content hashes); a difference throws, naming the first paths that
   * differ. A revision already committed is not committed again, but checked the same way.
   *
   * <p>The caller must hold {@code repoDir} exclusively (see {@link #recoverFromCrash}).
   */
  public Committed commitTree(
      Path tree,
      Path repoDir,
      int revision,
      String message,
      String authorName,
      String authorEmail) {
    if (!Files.isDirectory(tree)) {
      throw new TargetException("cannot publish " + tree + ": no such folder");
    }
    try {
      Files.createDirectories(repoDir);
    } catch (IOException e) {
      throw new TargetException("cannot create " + repoDir + ": " + e.getMessage(), e);
    }
    boolean init = !Files.exists(repoDir.resolve(".git"));
    boolean inPlace = sameFile(tree, repoDir);
    try (Repository repository = init ? initRepository(repoDir) : openRepository(repoDir)) {
      Optional<String> head = head(repository);
      Optional<String> existing =
          head.isEmpty() ? Optional.empty() : find(repository, head.get(), revision);
      DirCache index = DirCache.newInCore();
      String commit;
      boolean created;
      Optional<String> parent;
      if (existing.isPresent()) {
        commit = existing.get();
        created = false;
        parent = parentOf(repository, commit);
        readTree(repository, tree, index);
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
            commitIndex(
                repository,
                tree,
                index,
                message.strip() + "\n\n" + TRAILER + ": " + revision + "\n",
                new PersonIdent(authorName, authorEmail),
                head);
        created = true;
        parent = head;
      }
      int files = verify(repository, commit, tree, revision);
      if (!inPlace) {
        syncWorkTree(tree, repoDir);
      }
      writeIndex(repository, index);
      return new Committed(commit, created, init, parent, files);
    } catch (IOException e) {
      throw new TargetException("cannot commit in " + repoDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Puts right what a process killed while publishing into {@code repoDir} left: git's lock files
   * ({@code index.lock}, {@code HEAD.lock}, {@code refs/heads/main.lock}, ...; JGit, like git,
   * refuses to work while one exists), half-written pack files, and a repository whose {@code git
   * init} never finished. Only for a caller that holds {@code repoDir} exclusively (e.g. through
   * {@code dev.blueprint.core.io.FileMutex}, as the engagement's publish does): any lock found then
   * belongs to a dead process. Returns the files removed, for the log.
   */
  public List<Path> recoverFromCrash(Path repoDir) {
    Path git = repoDir.resolve(".git");
    List<Path> removed = new ArrayList<>();
    if (!Files.isDirectory(git)) {
      return removed;
    }
    if (!Files.isRegularFile(git.resolve("HEAD"))
        || !Files.isRegularFile(git.resolve("config"))
        || !Files.isDirectory(git.resolve("objects"))
        || !Files.isDirectory(git.resolve("refs"))) {
      // an init killed before it finished: nothing was committed into it
      deleteTree(git);
      removed.add(git);
      return removed;
    }
    try (Stream<Path> files = Files.walk(git)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String name = p.getFileName().toString();
        boolean objects = p.startsWith(git.resolve("objects"));
        boolean stale =
            objects
                ? name.startsWith("insert_") || name.startsWith("noz") || name.endsWith(".tmp")
                : name.endsWith(".lock");
        if (stale) {
          Files.deleteIfExists(p);
          removed.add(p);
        }
      }
    } catch (IOException e) {
      throw new TargetException("cannot clean up " + git + ": " + e.getMessage(), e);
    }
    return removed;
  }

  /** The branch {@value #BRANCH}'s commit on {@code remote}, if the branch exists there. */
  public Optional<String> remoteHead(Path repoDir, String remote) {
    return remoteHead(git(repoDir, "blueprint", "blueprint@invalid"), remote);
  }

  /**
   * Pushes {@code commit} to branch {@value #BRANCH} of {@code remote}: a plain push, which the
   * remote refuses unless it fast-forwards, so that nobody's work there is overwritten.
   */
  public void push(
      Path repoDir, String remote, String commit, String authorName, String authorEmail) {
    git(repoDir, authorName, authorEmail)
        .run("push", "--quiet", remote, commit + ":refs/heads/" + BRANCH);
  }

  /**
   * Undoes a push of {@code commit} to {@code remote}'s branch {@value #BRANCH}, if and only if the
   * branch (checked with ls-remote) still points at {@code commit}: it goes back to {@code
   * previous}, or is deleted when the push created it. Returns whether it undid anything.
   */
  public boolean undoPush(Path repoDir, String remote, String commit, Optional<String> previous) {
    Git git = git(repoDir, "blueprint", "blueprint@invalid");
    Optional<String> now = remoteHead(git, remote);
    if (now.isEmpty() || !now.get().equals(commit) || previous.equals(Optional.of(commit))) {
      return false;
    }
    if (previous.isEmpty()) {
      git.run(
          "push",
          "--quiet",
          "--force-with-lease=refs/heads/" + BRANCH + ":" + commit,
          remote,
          "--delete",
          BRANCH);
    } else {
      git.run(
          "push",
          "--quiet",
          "--force-with-lease=refs/heads/" + BRANCH + ":" + commit,
          remote,
          previous.get() + ":refs/heads/" + BRANCH);
    }
    return true;
  }

  /** The files of {@code tree} (as git add --all would take them) into {@code index}. */
  private static void readTree(Repository repository, Path tree, DirCache index)
      throws IOException {
    // hashes only: the commit has the objects already
    try (ObjectInserter.Formatter hashes =
        new ObjectInserter.Formatter() {
          @Override
          public ObjectId insert(int type, long length, InputStream in) throws IOException {
            return idFor(type, length, in);
          }
        }) {
      addTree(repository, tree, index, hashes);
    }
  }

  /**
   * Walks {@code tree} into {@code index}, each blob through {@code inserter} (which writes it, or
   * only hashes it). Gitignored files stay out, as with {@code git add --all}.
   */
  private static void addTree(
      Repository repository, Path tree, DirCache index, ObjectInserter inserter)
      throws IOException {
    DirCacheBuilder entries = index.builder();
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(fileTree(repository, tree));
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
    }
    entries.finish();
  }

  private static FileTreeIterator fileTree(Repository repository, Path tree) {
    return new FileTreeIterator(
        tree.toFile(), repository.getFS(), repository.getConfig().get(WorkingTreeOptions.KEY));
  }

  /**
   * Writes {@code tree}'s files and a commit of them into one pack, then moves {@value #BRANCH} to
   * it. The objects go into one pack rather than one file each (a temp file, a rename and often a
   * folder per object), so that a commit costs a handful of file operations rather than a thousand;
   * the pack becomes visible whole, when flushed.
   */
  private static String commitIndex(
      Repository repository,
      Path tree,
      DirCache index,
      String message,
      PersonIdent who,
      Optional<String> parent)
      throws IOException {
    ObjectDirectory objects = (ObjectDirectory) repository.getObjectDatabase();
    ObjectId id;
    try (PackInserter inserter = objects.newPackInserter()) {
      inserter.checkExisting(false);
      addTree(repository, tree, index, inserter);
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(index.writeTree(inserter));
      parent.ifPresent(p -> commit.setParentId(ObjectId.fromString(p)));
      commit.setAuthor(who);
      commit.setCommitter(who);
      commit.setMessage(message);
      id = inserter.insert(commit);
      inserter.flush();
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
  }

  /**
   * Checks that {@code commit}'s tree equals {@code tree} file for file: the same paths, modes and
   * blob hashes (git's own, computed from the files' content). Returns the number of files.
   */
  private static int verify(Repository repository, String commit, Path tree, int revision)
      throws IOException {
    List<String> differences = new ArrayList<>();
    int committed = 0;
    int generated = 0;
    try (RevWalk revs = new RevWalk(repository);
        TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(revs.parseCommit(ObjectId.fromString(commit)).getTree());
      walk.addTree(fileTree(repository, tree));
      walk.setRecursive(true);
      while (walk.next()) {
        WorkingTreeIterator file = walk.getTree(1, WorkingTreeIterator.class);
        boolean inCommit = walk.getFileMode(0) != FileMode.MISSING;
        boolean inTree = file != null && !file.isEntryIgnored();
        committed += inCommit ? 1 : 0;
        generated += inTree ? 1 : 0;
        String path = walk.getPathString();
        if (inCommit && !inTree) {
          differences.add(path + " (only in the commit)");
        } else if (!inCommit && inTree) {
          differences.add(path + " (missing from the commit)");
        } else if (inCommit
            && (!walk.getObjectId(0).equals(file.getEntryObjectId())
                || !walk.getFileMode(0).equals(file.getEntryFileMode()))) {
          differences.add(path + " (content or mode differs)");
        }
      }
    }
    if (!differences.isEmpty()) {
      throw new TargetException(
          "the commit "
              + commit.substring(0, 12)
              + " of revision "
              + revision
              + " does not hold the generated tree "
              + tree
              + ": "
              + committed
              + " files committed, "
              + generated
              + " generated, "
              + differences.size()
              + " differ: "
              + String.join(", ", differences.subList(0, Math.min(5, differences.size())))
              + (differences.size() > 5 ? ", ..." : ""));
    }
    return committed;
  }

  /** Makes {@code repoDir} (less its .git) a copy of {@code tree}, modes and times included. */
  private static void syncWorkTree(Path tree, Path repoDir) throws IOException {
    try (Stream<Path> entries = Files.list(repoDir)) {
      for (Path p : entries.toList()) {
        if (!p.getFileName().toString().equals(Constants.DOT_GIT)) {
          deleteTree(p);
        }
      }
    }
    try (Stream<Path> all = Files.walk(tree)) {
      for (Path source : all.toList()) {
        Path target = repoDir.resolve(tree.relativize(source).toString());
        if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
        } else {
          Files.copy(
              source,
              target,
              StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.COPY_ATTRIBUTES,
              LinkOption.NOFOLLOW_LINKS);
        }
      }
    }
  }

  /**
   * Replaces the repository's index with {@code entries}, through git's {@code index.lock} and a
   * rename (a crash leaves the old index and a lock that {@link #recoverFromCrash} removes).
   */
  private static void writeIndex(Repository repository, DirCache entries) throws IOException {
    DirCache index = repository.lockDirCache();
    try {
      DirCacheBuilder builder = index.builder();
      for (int i = 0; i < entries.getEntryCount(); i++) {
        builder.add(entries.getEntry(i));
      }
      builder.finish();
      index.write();
      if (!index.commit()) {
        throw new IOException("cannot write the index of " + repository.getWorkTree());
      }
    } finally {
      index.unlock();
    }
  }

  private static Optional<String> parentOf(Repository repository, String commit)
      throws IOException {
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
      return c.getParentCount() == 0 ? Optional.empty() : Optional.of(c.getParent(0).name());
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
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
