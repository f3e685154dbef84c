package dev.blueprint.workflow.activities;

import dev.blueprint.core.io.FileMutex;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process for {@link GitTargetPublisherTest} to kill: {@code publish TREE REPO REMOTE} publishes
 * revision 1 (a hook of the remote kills it mid-way); {@code hold REPO} holds the publish lock of
 * REPO until killed, as a publish that is still running would.
 */
public final class PublishMain {
  private PublishMain() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("hold")) {
      Path repository = Path.of(args[1]);
      Files.createDirectories(repository.getParent());
      FileMutex held =
          FileMutex.acquire(GitTargetPublisher.lockFile(repository), java.time.Duration.ZERO);
      System.out.println("held " + held.file());
      System.out.flush();
      Thread.currentThread().join();
    } else {
      new GitTargetPublisher(args[3]).publish(Path.of(args[1]), Path.of(args[2]), 1, "revision 1");
    }
  }
}
