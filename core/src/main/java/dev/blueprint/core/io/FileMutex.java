package dev.blueprint.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.UUID;

/**
 * Mutual exclusion between processes (and threads) through an OS lock ({@link FileChannel#lock}) on
 * a file of our own. The lock dies with its process, so a holder killed with SIGKILL never leaves a
 * lock that blocks the next attempt; whoever holds it may therefore clean up what a dead holder
 * left (staging folders, git's own lock files).
 *
 * <p>The file is deleted on release, so that nothing is left behind. That is safe because an
 * acquirer checks, once it holds the lock, that the path still names the file it locked (a token
 * written through the locked channel reads back through the path); if the file was deleted or
 * replaced meanwhile, it tries again.
 */
public final class FileMutex implements AutoCloseable {

  private static final long POLL_MILLIS = 50;

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private FileMutex(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
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
    while (true) {
      FileMutex held = tryAcquire(lockFile);
      if (held != null) {
        return held;
      }
      if (System.nanoTime() >= deadline) {
        throw new Busy(
            lockFile
                + " is held by another publish or generation still running (waited "
                + wait.toSeconds()
                + " s); it is released when that one ends or its process dies");
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + lockFile, e);
      }
    }
  }

  private static FileMutex tryAcquire(Path file) throws IOException {
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    boolean keep = false;
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // this JVM holds it (another thread)
      }
      if (lock == null) {
        return null;
      }
      String token = ProcessHandle.current().pid() + " " + UUID.randomUUID() + "\n";
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      String onDisk;
      try {
        onDisk = Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        onDisk = null; // the previous holder deleted it after we opened it
      }
      if (!token.equals(onDisk)) {
        return null; // we locked a file that is no longer at the path: try again
      }
      keep = true;
      return new FileMutex(file, channel, lock);
    } finally {
      if (!keep) {
        channel.close();
      }
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
        channel.close();
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
