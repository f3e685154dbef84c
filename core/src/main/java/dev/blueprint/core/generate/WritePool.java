package dev.blueprint.core.generate;

import dev.blueprint.core.problem.ProblemException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Renders and writes generated files on a few threads while the contributors, on the calling
 * thread, go on building the models of the next files. Bounded: at most {@code 8 * threads} jobs
 * are queued or running, so rendered files are written and dropped rather than held. A full pool
 * lets the calling thread wait until half of its jobs are done, not just one: it produces faster
 * than the render threads write, and waking it for every finished job cost a futex wake, an
 * inter-processor interrupt and a context switch per file (about 0.7 s of the render threads' CPU
 * at 10,000 pipelines, async-profiler). Deterministic errors: jobs are numbered in the order they
 * were submitted; after a job fails, later jobs are skipped and earlier ones still run, so the
 * failure reported is the one a single thread, rendering in order, would have met first.
 */
final class WritePool implements AutoCloseable {

  /** A render and write of one file. */
  @FunctionalInterface
  interface Job {
    void run() throws IOException, ProblemException;
  }

  /** The jobs of one contributor, for progress output once all of them are written. */
  static final class Batch {
    private final AtomicInteger pending = new AtomicInteger();
    private volatile String name;
    private volatile int files;
    private volatile boolean closed;

    String name() {
      return name;
    }

    int files() {
      return files;
    }

    boolean done() {
      return closed && pending.get() == 0;
    }
  }

  private final ExecutorService executor;
  private final int slots;

  /** Jobs queued or running. */
  private final AtomicInteger inFlight = new AtomicInteger();

  /** The calling thread while it waits for {@link #inFlight} to fall; else null. */
  private volatile Thread waiting;

  private final AtomicLong failedAt = new AtomicLong(Long.MAX_VALUE);
  private final Deque<Batch> batches = new ArrayDeque<>();
  private Throwable failure; // guarded by this: the failure of the job numbered failedAt
  private long submitted; // the calling thread's only
  private Batch current = new Batch();

  WritePool(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "blueprint-render-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.slots = threads * 8;
  }

  /**
   * Queues a job, waiting while the pool is full. When an earlier job has failed, waits for the
   * jobs before it and throws its failure instead, so that the caller stops producing.
   */
  void submit(Job job) throws IOException, ProblemException {
    if (failedAt.get() != Long.MAX_VALUE) {
      drain();
    }
    long seq = submitted++;
    Batch batch = current;
    if (inFlight.get() >= slots) {
      awaitAtMost(slots / 2);
    }
    inFlight.incrementAndGet();
    batch.pending.incrementAndGet();
    try {
      executor.execute(
          () -> {
            try {
              if (seq < failedAt.get()) {
                job.run();
              }
            } catch (Throwable t) {
              fail(seq, t);
            } finally {
              batch.pending.decrementAndGet();
              done();
            }
          });
    } catch (RuntimeException e) {
      batch.pending.decrementAndGet();
      done();
      throw e;
    }
  }

  /** A job has ended: wakes the calling thread if it waits and the pool is at most half full. */
  private void done() {
    if (inFlight.decrementAndGet() <= slots / 2) {
      Thread w = waiting;
      if (w != null) {
        LockSupport.unpark(w);
      }
    }
  }

  /**
   * Waits until at most {@code n} jobs (at most half the slots) are queued or running. A job that
   * ends reads {@link #waiting} after its decrement, and this thread reads the count after setting
   * it, so one of the two sees the other: no wake-up is lost.
   */
  private void awaitAtMost(int n) {
    boolean interrupted = false;
    waiting = Thread.currentThread();
    try {
      while (inFlight.get() > n) {
        LockSupport.park(this);
        // uninterruptibly, as the semaphore it replaces: an interrupt would end every park at once
        interrupted |= Thread.interrupted();
      }
    } finally {
      waiting = null;
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private synchronized void fail(long seq, Throwable t) {
    if (seq < failedAt.get()) {
      failedAt.set(seq);
      failure = t;
    }
  }

  /**
   * Ends the current contributor's batch of jobs: {@code files} files were claimed under {@code
   * name}; the next jobs form a new batch. Returns the batches, oldest first, whose every job has
   * finished and that were not returned before.
   */
  Deque<Batch> endBatch(String name, int files) {
    Batch ended = current;
    ended.name = name;
    ended.files = files;
    ended.closed = true;
    batches.add(ended);
    current = new Batch();
    return finished();
  }

  private Deque<Batch> finished() {
    Deque<Batch> out = new ArrayDeque<>();
    while (!batches.isEmpty() && batches.peekFirst().done()) {
      out.add(batches.pollFirst());
    }
    return out;
  }

  /**
   * Waits for every queued job. Throws the failure of the first failed job, in submission order, if
   * any.
   */
  void drain() throws IOException, ProblemException {
    awaitAtMost(0);
    rethrow();
  }

  /** Throws the failure of the first failed job, if any. */
  private void rethrow() throws IOException, ProblemException {
    Throwable t;
    synchronized (this) {
      t = failure;
    }
    if (t != null) {
      throwAsIs(t);
    }
  }

  /** Throws {@code t} as the checked or unchecked type it is, wrapping only other checked ones. */
  private static void throwAsIs(Throwable t) throws IOException, ProblemException {
    if (t instanceof IOException e) {
      throw e;
    }
    if (t instanceof ProblemException e) {
      throw e;
    }
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException(t);
  }

  /**
   * After the calling thread failed with {@code own} at this point of the submission order: waits
   * for the queued jobs and throws the failure of an earlier job if one failed, else {@code own}.
   */
  void failWith(Exception own) throws IOException, ProblemException {
    drain();
    throwAsIs(own);
  }

  /** Stops the threads, dropping jobs not yet started, and waits for the running ones. */
  @Override
  public void close() {
    executor.shutdownNow();
    boolean interrupted = false;
    try {
      while (true) {
        try {
          if (executor.awaitTermination(1, TimeUnit.MINUTES)) {
            return;
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
