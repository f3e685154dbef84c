package dev.blueprint.targets.kafka;

import dev.blueprint.targets.TargetException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaFuture;

/** Waits for admin results and turns the client's failures into one clear sentence. */
final class KafkaErrors {

  private KafkaErrors() {}

  /** The result of {@code future}, or a TargetException naming what was asked and of whom. */
  static <T> T await(KafkaFuture<T> future, KafkaConnection connection, String what) {
    try {
      // the client times out by itself; the margin only guards against a hung future
      return future.get(connection.timeout().toMillis() + 5000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TargetException(what + " was interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw failure(e, connection, what);
    }
  }

  /** A TargetException for a failed call. */
  static TargetException failure(Throwable e, KafkaConnection connection, String what) {
    Throwable cause = root(e);
    if (cause instanceof TimeoutException
        || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
      return new TargetException(
          "cannot reach the Kafka cluster at "
              + connection.bootstrapServers()
              + " ("
              + what
              + " timed out after "
              + connection.timeout().toSeconds()
              + " s): is it running, and are --bootstrap-server and --command-config right?",
          e);
    }
    return new TargetException(
        what + " failed at " + connection.bootstrapServers() + ": " + message(cause), e);
  }

  /** The innermost cause, past ExecutionException wrappers. */
  static Throwable root(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null
        && t.getCause() != t
        && (t instanceof ExecutionException
            || t instanceof java.util.concurrent.CompletionException
            || t instanceof TargetException
            || t.getMessage() == null)) {
      t = t.getCause();
    }
    return t;
  }

  /** A one-line message for an exception. */
  static String message(Throwable e) {
    Throwable t = root(e);
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }
}
