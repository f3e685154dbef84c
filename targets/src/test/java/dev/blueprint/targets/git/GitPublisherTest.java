package dev.blueprint.targets.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing with the real git command into a work folder and a bare repository on disk. */
class GitPublisherTest {

  @TempDir Path tmp;
  Path repo;
  Path bare;
  final GitPublisher publisher = new GitPublisher();

  @BeforeEach
  void setUp() throws Exception {
    repo = Files.createDirectories(tmp.resolve("generated"));
    Files.writeString(repo.resolve("README.md"), "# clickstream\n");
    bare = tmp.resolve("remote.git");
    // HEAD elsewhere than main, as on a hosted remote whose default branch is not ours
    git(tmp, "init", "--quiet", "--bare", "--initial-branch=trunk", bare.toString());
  }

  PublishResult publish(int revision) {
    return publisher.publish(
        repo,
        revision,
        "Blueprint revision " + revision,
        "Engagement clickstream-analytics",
        "clickstream-analytics@engagements.invalid",
        Optional.of(bare.toString()));
  }

  @Test
  void oneCommitPerRevisionAuthoredAsTheEngagementAndPushed() throws Exception {
    PublishResult first = publish(1);
    assertTrue(first.created());
    assertTrue(first.createdRepository());
    assertEquals(first.commit(), git(bare, "rev-parse", "refs/heads/main"));
    assertEquals(
        "Engagement clickstream-analytics <clickstream-analytics@engagements.invalid>",
        git(repo, "log", "-1", "--format=%an <%ae>"));
    assertEquals("Engagement clickstream-analytics", git(repo, "log", "-1", "--format=%cn"));
    assertTrue(git(repo, "log", "-1", "--format=%B").contains("Blueprint-Revision: 1"));

    PublishResult again = publish(1);
    assertFalse(again.created(), "publishing the same revision twice commits once");
    assertEquals(first.commit(), again.commit());
    assertEquals("1", git(repo, "rev-list", "--count", "main"));

    Files.writeString(repo.resolve("README.md"), "# clickstream, revision 2\n");
    PublishResult second = publish(2);
    assertTrue(second.created());
    assertNotEquals(first.commit(), second.commit());
    assertEquals("2", git(repo, "rev-list", "--count", "main"));
    assertEquals(second.commit(), git(bare, "rev-parse", "refs/heads/main"));
    assertEquals("", git(repo, "status", "--porcelain"));

    // an approved revision without file changes is still its own commit
    assertTrue(publish(3).created());
    assertEquals("3", git(bare, "rev-list", "--count", "main"));
  }

  @Test
  void commitsTheTreeAsGitAddAllWould() throws Exception {
    Path script = repo.resolve("scripts/create-topics.sh");
    Files.createDirectories(script.getParent());
    Files.writeString(script, "#!/bin/sh\necho topics\n");
    assertTrue(script.toFile().setExecutable(true));
    Files.writeString(repo.resolve(".gitignore"), "*.pyc\n");
    Files.writeString(repo.resolve("cache.pyc"), "ignored\n");
    Files.writeString(repo.resolve("gone.txt"), "only in revision 1\n");
    publish(1);
    assertEquals(
        List.of(".gitignore", "README.md", "gone.txt", "scripts/create-topics.sh"),
        git(repo, "ls-tree", "-r", "--name-only", "main").lines().toList(),
        "ignored files stay out, as with git add --all");
    assertTrue(
        git(repo, "ls-tree", "main", "scripts/create-topics.sh").startsWith("100755 "),
        "the executable bit is kept");
    assertEquals("main", git(repo, "symbolic-ref", "--short", "HEAD"));
    assertEquals(
        "Blueprint revision 1\n\nBlueprint-Revision: 1",
        git(repo, "log", "-1", "--format=%B"),
        "the message and its trailer, as git commit --message writes them");
    assertEquals(
        "1", git(repo, "log", "-1", "--format=%(trailers:key=Blueprint-Revision,valueonly)"));

    Files.delete(repo.resolve("gone.txt"));
    publish(2);
    assertFalse(git(repo, "ls-tree", "-r", "--name-only", "main").contains("gone.txt"));
    assertEquals("", git(repo, "status", "--porcelain"), "the index matches the work tree");
    assertEquals(List.of("2", "1"), publisher.committedRevisions(repo));
    git(repo, "fsck", "--strict");
  }

  @Test
  void committedRevisionsOfAFolderWithoutRepositoryIsEmpty() {
    assertEquals(List.of(), publisher.committedRevisions(repo));
  }

  @Test
  void unpublishUndoesOnlyWhatThatPublishDid() throws Exception {
    PublishResult first = publish(1);
    Files.writeString(repo.resolve("dag.py"), "# airflow dag\n");
    PublishResult second = publish(2);

    publisher.unpublish(repo, second);
    assertEquals(first.commit(), git(bare, "rev-parse", "refs/heads/main"));
    assertEquals(first.commit(), git(repo, "rev-parse", "refs/heads/main"));
    publisher.unpublish(repo, second); // idempotent
    assertEquals(first.commit(), git(bare, "rev-parse", "refs/heads/main"));

    publisher.unpublish(repo, first);
    assertFalse(Files.exists(repo.resolve(".git")), "the repository this publish created is gone");
    assertTrue(Files.exists(repo.resolve("README.md")), "the generated files stay");
    assertEquals("", git(bare, "branch", "--list", "main"), "the pushed branch is deleted");
  }

  @Test
  void unpublishLeavesARemoteThatMovedOnAlone() throws Exception {
    PublishResult first = publish(1);
    // someone else pushes on top
    Path other = tmp.resolve("other");
    git(tmp, "clone", "--quiet", "--branch", "main", bare.toString(), other.toString());
    Files.writeString(other.resolve("x.txt"), "theirs\n");
    git(other, "add", "x.txt");
    git(other, "-c", "user.name=o", "-c", "user.email=o@x", "commit", "--quiet", "-m", "theirs");
    git(other, "push", "--quiet", "origin", "main");
    String theirs = git(other, "rev-parse", "HEAD");

    publisher.unpublish(repo, first);
    assertEquals(theirs, git(bare, "rev-parse", "refs/heads/main"));
  }

  static String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
    }
    return out;
  }
}
