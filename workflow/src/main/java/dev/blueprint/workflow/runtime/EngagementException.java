package dev.blueprint.workflow.runtime;

/** A client-side failure to explain to the user in one message. */
public class EngagementException extends RuntimeException {
  public EngagementException(String message) {
    super(message);
  }

  public EngagementException(String message, Throwable cause) {
    super(message, cause);
  }
}
