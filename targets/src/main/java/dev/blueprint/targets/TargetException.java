package dev.blueprint.targets;

/**
 * A target (Kafka cluster, PostgreSQL database, git repository) could not be reached or refused the
 * work. The message is meant for the user as it stands: it names the target and the cause.
 */
public class TargetException extends RuntimeException {

  public TargetException(String message) {
    super(message);
  }

  public TargetException(String message, Throwable cause) {
    super(message, cause);
  }
}
