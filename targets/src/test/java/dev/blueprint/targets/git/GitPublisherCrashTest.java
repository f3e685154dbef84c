package dev.blueprint.targets.git;

import static dev.blueprint.targets.git.GitPublisherTest.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.targets.TargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Committing a generated tree into a separate repository folder, as an engagement publishes: the
 * commit is built from the tree alone, checked against it, and what a killed publish left behind
 * (git's lock files) is recovered from.
 */
class GitPublisherCrashTest {

  @TempDir Path tmp;
  Path tree;
  Path repo;
  final GitPublisher publisher = new GitPublisher();

  @BeforeEach
  void setUp() throws Exception {
    tree = Files.createDirectories(tmp.resolve("generated"));
    for (int i = 0; i < 50; i++) {
      Path f = tree.resolve("dags/pipeline_" + i + ".py");
      Files.createDirectories(f.getParent());
      Files.writeString(f, "# dag " + i + "\n");
    }
    Files.writeString(tree.resolve("README.md"), "# generated\n");
    repo = tmp.resolve("repo");
  }

  GitPublisher.Committed commit(int revision) {
    return publisher.commitTree(tree, repo, revision, "revision " + revision, "e", "e@x.invalid");
  }

  @Test
  void theCommitIsTheTreeAndTheWorkTreeFollows() throws Exception {
    GitPublisher.Committed first = commit(1);
    assertTrue(first.created());
    assertEquals(51, first.files());
    assertEquals(51, git(repo, "ls-tree", "-r", "--name-only", "main").lines().count());
    assertEquals("", git(repo, "status", "--porcelain"), "the work tree and index match");
    assertEquals(
        Files.readString(tree.resolve("README.md")), Files.readString(repo.resolve("README.md")));

    GitPublisher.Committed again = commit(1);
    assertFalse(again.created(), "a revision is committed once");
    assertEquals(first.commit(), again.commit());
    assertEquals("1", git(repo, "rev-list", "--count", "main"));
    git(repo, "fsck", "--strict");
  }

  @Test
  void staleGitLocksOfADeadPublishAreRemoved() throws Exception {
    commit(1);
    Files.writeString(tree.resolve("README.md"), "# revision 2\n");
    // what a process killed mid-publish leaves: git's lock files and a half-written pack
    Files.writeString(repo.resolve(".git/index.lock"), "half an index");
    Files.writeString(repo.resolve(".git/refs/heads/main.lock"), "");
    Files.writeString(repo.resolve(".git/objects/pack/insert_123.pack"), "PACK");
    TargetException locked = assertThrows(TargetException.class, () -> commit(2));
    assertTrue(
        locked.getMessage().toLowerCase(java.util.Locale.ROOT).contains("lock"),
        locked.getMessage());

    List<Path> removed = publisher.recoverFromCrash(repo);
    assertEquals(3, removed.size(), removed.toString());
    GitPublisher.Committed second = commit(2);
    assertTrue(second.created());
    assertEquals(List.of("2", "1"), publisher.committedRevisions(repo));
    assertEquals("", git(repo, "status", "--porcelain"));
    try (Stream<Path> files = Files.walk(repo.resolve(".git"))) {
      assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".lock")).toList());
    }
  }

  @Test
  void anInitKilledHalfWayIsStartedAgain() throws Exception {
    Files.createDirectories(repo.resolve(".git/objects"));
    Files.writeString(repo.resolve(".git/config"), "[core]\n");
    publisher.recoverFromCrash(repo);
    assertFalse(Files.exists(repo.resolve(".git")));
    assertTrue(commit(1).createdRepository());
  }

  @Test
  void aCommitThatIsNotTheWholeTreeFailsTheStepNamingTheDifference() throws Exception {
    // the defect this guards against: a revision committed from a half-written work tree
    Path half = Files.createDirectories(repo);
    Files.writeString(half.resolve("README.md"), "# generated\n");
    publisher.publish(half, 1, "revision 1", "e", "e@x.invalid", java.util.Optional.empty());

    TargetException e = assertThrows(TargetException.class, () -> commit(1));
    assertTrue(
        e.getMessage().contains("1 files committed, 51 generated, 50 differ")
            && e.getMessage().contains("dags/pipeline_0.py (missing from the commit)"),
        e.getMessage());
  }
}
