package dev.blueprint.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Mutual exclusion between processes (and threads) through an OS lock ({@link FileChannel#lock}) on
 * a file of our own. The lock dies with its process, so a holder killed with SIGKILL never leaves a
 * lock that blocks the next attempt; whoever holds it may therefore clean up what a dead holder
 * left (staging folders, git's own lock files).
 *
 * <p>The file is deleted on release, so that nothing is left behind. That is safe because an
 * acquirer checks, once it holds the lock, that the path still names the file it opened (the same
 * file key before opening and after locking; the file it holds open cannot be replaced by one with
 * the same key); if the file was deleted or replaced meanwhile, it tries again. Within this JVM a
 * semaphore per file comes first: POSIX releases a process's lock when any of its descriptors of
 * the file closes, so no second thread may even open the file while one holds it.
 */
public final class FileMutex implements AutoCloseable {

  private static final long POLL_MILLIS = 50;

  private static final ConcurrentHashMap<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();

  private final Path file;
  private final Semaphore local;
  private final FileChannel channel;
  private final FileLock lock;

  private FileMutex(Path file, Semaphore local, FileChannel channel, FileLock lock) {
    this.file = file;
    this.local = local;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Holds {@code file}'s lock, waiting at most {@code wait} for another holder to release it.
   *
   * @throws Busy when the lock is still held after {@code wait}
   */
  public static FileMutex acquire(Path file, Duration wait) throws IOException {
    Path lockFile = file.toAbsolutePath().normalize();
    Files.createDirectories(lockFile.getParent());
    long deadline = System.nanoTime() + wait.toNanos();
    Semaphore local = IN_THIS_JVM.computeIfAbsent(lockFile, k -> new Semaphore(1));
    try {
      if (!local.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        throw busy(lockFile, wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + lockFile, e);
    }
    boolean held = false;
    try {
      while (true) {
        FileMutex mutex = tryAcquire(lockFile, local);
        if (mutex != null) {
          held = true;
          return mutex;
        }
        if (System.nanoTime() >= deadline) {
          throw busy(lockFile, wait);
        }
        try {
          Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for " + lockFile, e);
        }
      }
    } finally {
      if (!held) {
        local.release();
      }
    }
  }

  private static Busy busy(Path lockFile, Duration wait) {
    return new Busy(
        lockFile
            + " is held by another publish or generation still running (waited "
            + wait.toSeconds()
            + " s); it is released when that one ends or its process dies");
  }

  /** The lock if free now; null if another process holds it or the file changed under us. */
  private static FileMutex tryAcquire(Path file, Semaphore local) throws IOException {
    for (int attempt = 0; attempt < 3; attempt++) {
      Object before = fileKey(file);
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      boolean keep = false;
      try {
        FileLock lock = channel.tryLock();
        if (lock == null) {
          return null;
        }
        if (before != null && before.equals(fileKey(file))) {
          channel.truncate(0);
          channel.write(
              ByteBuffer.wrap(
                  (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)),
              0);
          keep = true;
          return new FileMutex(file, local, channel, lock);
        }
        // created by us just now, or deleted or replaced since we opened it: look again
      } finally {
        if (!keep) {
          channel.close();
        }
      }
    }
    return null;
  }

  private static Object fileKey(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .fileKey();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** The lock file. */
  public Path file() {
    return file;
  }

  /** Deletes the lock file, then releases the lock. */
  @Override
  public void close() throws IOException {
    try {
      Files.deleteIfExists(file);
    } finally {
      try {
        lock.release();
      } finally {
        try {
          channel.close();
        } finally {
          local.release();
        }
      }
    }
  }

  /** The lock is held by someone else, beyond the time allowed to wait. */
  public static final class Busy extends IOException {
    public Busy(String message) {
      super(message);
    }
  }
}
