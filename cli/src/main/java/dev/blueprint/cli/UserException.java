package dev.blueprint.cli;

/** A failure caused by the user's input or environment: printed as one message, no stack trace. */
public class UserException extends RuntimeException {
  private final int exitCode;

  public UserException(String message) {
    this(message, Cli.FAILED);
  }

  public UserException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
