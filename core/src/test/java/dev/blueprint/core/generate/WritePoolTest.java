package dev.blueprint.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The render pool: every job runs, at most {@code 8 * threads} are queued or running at once, a
 * drain waits for all of them, the failure reported is the first in submission order, and a waiting
 * caller neither loses a wake-up nor its interrupt.
 */
@Timeout(
    value = 120,
    threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a lost wake-up hangs the caller
class WritePoolTest {

  @Test
  void everyJobRunsWithNoMoreThanTheSlotsInFlightAndDrainWaitsForAll() throws Exception {
    for (int threads : new int[] {1, 2, 3}) {
      AtomicInteger queued = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      AtomicInteger ran = new AtomicInteger();
      int jobs = 20_000;
      try (WritePool pool = new WritePool(threads)) {
        for (int i = 0; i < jobs; i++) {
          most.accumulateAndGet(queued.incrementAndGet(), Math::max);
          int spin = i % 7 == 0 ? 2_000 : 10; // some slow jobs, so that the caller has to wait
          pool.submit(
              () -> {
                long x = 0;
                for (int k = 0; k < spin; k++) {
                  x += k * 31L;
                }
                if (x == -1) {
                  throw new IllegalStateException();
                }
                ran.incrementAndGet();
                queued.decrementAndGet();
              });
        }
        pool.drain();
        assertEquals(jobs, ran.get(), threads + " threads: every job ran before drain returned");
        assertEquals(0, queued.get());
        assertTrue(most.get() <= 8 * threads + 1, threads + " threads: " + most.get() + " queued");
        assertTrue(most.get() > 1, "jobs did queue up: " + most.get());
      }
    }
  }

  @Test
  void theFirstFailureInSubmissionOrderIsReportedAndLaterJobsAreSkipped() throws Exception {
    ConcurrentLinkedQueue<Integer> ran = new ConcurrentLinkedQueue<>();
    try (WritePool pool = new WritePool(2)) {
      IOException reported =
          assertThrows(
              IOException.class,
              () -> {
                for (int i = 0; i < 5_000; i++) {
                  int n = i;
                  pool.submit(
                      () -> {
                        if (n == 1_000 || n == 1_001) {
                          throw new IOException("job " + n);
                        }
                        ran.add(n);
                      });
                }
                pool.drain();
              });
      assertEquals("job 1000", reported.getMessage());
      for (int i = 0; i < 1_000; i++) {
        assertTrue(ran.contains(i), "job " + i + " before the failure ran");
      }
      // the calling thread stopped soon after the failure, and what was queued then was skipped
      assertTrue(ran.stream().filter(n -> n > 1_001).count() < 100, ran.size() + " ran");
    }
  }

  @Test
  void aCallerInterruptedWhileWaitingStillWaitsAndKeepsItsInterrupt() throws Exception {
    AtomicInteger ran = new AtomicInteger();
    try (WritePool pool = new WritePool(1)) {
      Thread.currentThread().interrupt();
      for (int i = 0; i < 200; i++) {
        pool.submit(
            () -> {
              try {
                Thread.sleep(1);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              ran.incrementAndGet();
            });
      }
      pool.drain();
      assertTrue(Thread.interrupted(), "the interrupt is kept (and cleared here)");
      assertEquals(200, ran.get(), "drain waited for every job despite the interrupt");
    }
    assertFalse(Thread.currentThread().isInterrupted());
  }
}
