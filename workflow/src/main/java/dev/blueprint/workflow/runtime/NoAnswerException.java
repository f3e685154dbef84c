package dev.blueprint.workflow.runtime;

/**
 * A running engagement did not answer within the client's timeout: no worker polls its task queue,
 * or the one that does is busy with a long step. Nothing was changed; asking again may succeed.
 */
public final class NoAnswerException extends EngagementException {
  public NoAnswerException(String message) {
    super(message);
  }
}
