package dev.blueprint.workflow.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engagement's publisher against real processes killed with SIGKILL and a local bare repository
 * as the remote: the push intent is on disk before the push, a push whose record was never written
 * is undone by the compensation or completed by the retry, and a publish waits for another one
 * still running, but not for a dead one.
 */
class GitTargetPublisherTest {

  static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());

  @TempDir Path tmp;
  Path tree;
  Path repository;
  Path bare;
  final List<Process> processes = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    tree = Files.createDirectories(tmp.resolve("engagements/shop/generated"));
    for (int i = 0; i < 20; i++) {
      Path f = tree.resolve("dags/p" + i + ".py");
      Files.createDirectories(f.getParent());
      Files.writeString(f, "# dag " + i + "\n");
    }
    repository = tmp.resolve("engagements/shop/repo");
    bare = tmp.resolve("remotes/shop.git");
    git(tmp, "init", "--quiet", "--bare", "--initial-branch=trunk", bare.toString());
  }

  @AfterEach
  void stop() throws InterruptedException {
    for (Process p : processes) {
      p.destroyForcibly();
      p.waitFor();
    }
  }

  Process fork(String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-cp");
    cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    cmd.add(PublishMain.class.getName());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    processes.add(p);
    return p;
  }

  /** A remote hook: a shell script run by the remote's receive-pack. */
  void hook(String name, String script) throws IOException {
    Path hook = bare.resolve("hooks").resolve(name);
    Files.writeString(hook, "#!/bin/sh\n" + script);
    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void aPushWhoseRecordWasNeverWrittenIsUndoneByTheCompensation() throws Exception {
    Path seen = tmp.resolve("intent-seen-by-the-remote.json");
    Path pid = tmp.resolve("publisher.pid");
    // before the ref moves, the remote copies the intent; after it moved, it kills the publisher
    hook("pre-receive", "cp '" + GitTargetPublisher.intent(repository) + "' '" + seen + "'\n");
    hook("post-receive", "kill -9 $(cat '" + pid + "')\n");
    Process publisher = fork("publish", tree.toString(), repository.toString(), bare.toString());
    Files.writeString(pid, Long.toString(publisher.pid()));
    assertTrue(publisher.waitFor(60, TimeUnit.SECONDS), "the publisher ends");
    assertEquals(137, publisher.exitValue(), "SIGKILLed by the remote's hook after the push");

    String pushed = git(bare, "rev-parse", "refs/heads/main");
    GitTargetPublisher.PushIntent intent =
        JSON.readValue(seen.toFile(), GitTargetPublisher.PushIntent.class);
    assertEquals(
        new GitTargetPublisher.PushIntent(
            bare.toString(), "refs/heads/main", Optional.empty(), pushed),
        intent,
        "the intent was on disk before the remote accepted the push");
    assertFalse(Files.exists(repository.resolveSibling("publish.json")), "no record written");
    assertTrue(Files.exists(GitTargetPublisher.intent(repository)));

    new GitTargetPublisher(bare.toString()).unpublish(repository);
    assertEquals("", git(bare, "branch", "--list", "main"), "the push is undone");
    assertFalse(Files.exists(repository));
    assertFalse(Files.exists(GitTargetPublisher.intent(repository)));
    assertFalse(Files.exists(GitTargetPublisher.lockFile(repository)), "no lock file left");
  }

  @Test
  void aRetryAfterACrashBetweenPushAndRecordCompletesTheRecord() throws Exception {
    Path pid = tmp.resolve("publisher.pid");
    hook("post-receive", "kill -9 $(cat '" + pid + "')\n");
    Process publisher = fork("publish", tree.toString(), repository.toString(), bare.toString());
    Files.writeString(pid, Long.toString(publisher.pid()));
    assertTrue(publisher.waitFor(60, TimeUnit.SECONDS));
    Files.delete(bare.resolve("hooks/post-receive"));
    String pushed = git(bare, "rev-parse", "refs/heads/main");

    GitTargetPublisher retry = new GitTargetPublisher(bare.toString());
    PublishPort.Published published = retry.publish(tree, repository, 1, "revision 1");
    assertEquals(pushed, published.commit(), "the same commit: revision 1 is committed once");
    assertEquals("1", git(repository, "rev-list", "--count", "main"));
    assertFalse(Files.exists(GitTargetPublisher.intent(repository)), "the intent is recorded");
    assertTrue(
        Files.readString(repository.resolveSibling("publish.json")).contains(pushed),
        "the record names the push");

    retry.unpublish(repository);
    assertEquals("", git(bare, "branch", "--list", "main"), "the compensation undoes the push");
  }

  @Test
  void aPublishWaitsForALiveOneAndNotForADeadOne() throws Exception {
    Process holder = fork("hold", repository.toString());
    String line =
        new String(holder.getInputStream().readNBytes(5), StandardCharsets.UTF_8); // "held "
    assertEquals("held ", line);

    GitTargetPublisher publisher = new GitTargetPublisher(null);
    CompletableFuture<PublishPort.Published> second =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return publisher.publish(tree, repository, 1, "revision 1");
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    Thread.sleep(1500);
    if (second.isCompletedExceptionally()) {
      second.join(); // shows why
    }
    assertFalse(second.isDone(), "a publish waits while another process holds the lock");
    assertFalse(Files.exists(repository.resolve(".git")), "and has touched nothing");

    holder.destroyForcibly(); // SIGKILL: the OS lock dies with the process
    holder.waitFor();
    PublishPort.Published published = second.get(30, TimeUnit.SECONDS);
    assertEquals("1", git(repository, "rev-list", "--count", "main"));
    assertEquals(published.commit(), git(repository, "rev-parse", "main"));
    assertFalse(Files.exists(GitTargetPublisher.lockFile(repository)), "no lock file left");
  }

  @Test
  void concurrentPublishesOfOneRevisionSerialiseIntoOneCommit() throws Exception {
    GitTargetPublisher publisher = new GitTargetPublisher(bare.toString());
    List<CompletableFuture<PublishPort.Published>> all = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      all.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return publisher.publish(tree, repository, 1, "revision 1");
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }));
    }
    List<String> commits = new ArrayList<>();
    for (CompletableFuture<PublishPort.Published> f : all) {
      commits.add(f.get(60, TimeUnit.SECONDS).commit());
    }
    assertEquals(1, commits.stream().distinct().count(), commits.toString());
    assertEquals("1", git(repository, "rev-list", "--count", "main"));
    assertEquals(commits.get(0), git(bare, "rev-parse", "refs/heads/main"));
    try (Stream<Path> files = Files.walk(repository.getParent())) {
      assertEquals(
          List.of(), files.filter(p -> p.getFileName().toString().endsWith(".lock")).toList());
    }
  }

  static String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
    }
    return out;
  }
}
