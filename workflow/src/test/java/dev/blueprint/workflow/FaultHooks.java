package dev.blueprint.workflow;

import dev.blueprint.workflow.activities.StepHooks;
import dev.blueprint.workflow.api.Step;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records every hook call and throws at one chosen point: for good, or only the first time. */
public final class FaultHooks implements StepHooks {

  private final Step step;
  private final Phase phase;
  private final boolean transientFault;
  private final AtomicInteger fired = new AtomicInteger();
  final List<String> calls = new CopyOnWriteArrayList<>();

  private FaultHooks(Step step, Phase phase, boolean transientFault) {
    this.step = step;
    this.phase = phase;
    this.transientFault = transientFault;
  }

  public static FaultHooks none() {
    return new FaultHooks(null, null, false);
  }

  /** Fails the step for good at that point (a non-retryable failure). */
  public static FaultHooks permanent(Step step, Phase phase) {
    return new FaultHooks(step, phase, false);
  }

  /** Fails the first attempt at that point; the retry succeeds. */
  public static FaultHooks once(Step step, Phase phase) {
    return new FaultHooks(step, phase, true);
  }

  @Override
  public void at(Step s, Phase p) {
    calls.add(s + ":" + p);
    if (s != step || p != phase) {
      return;
    }
    if (transientFault) {
      if (fired.getAndIncrement() == 0) {
        throw new IllegalStateException("injected transient fault at " + s + " " + p);
      }
      return;
    }
    fired.incrementAndGet();
    throw ApplicationFailure.newNonRetryableFailure(
        "injected fault at " + s + " " + p, "InjectedFault");
  }

  public int fired() {
    return fired.get();
  }

  public long count(Step s, Phase p) {
    return calls.stream().filter(c -> c.equals(s + ":" + p)).count();
  }
}
