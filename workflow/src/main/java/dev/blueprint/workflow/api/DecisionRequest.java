package dev.blueprint.workflow.api;

import java.util.List;

/**
 * A human decision as the client sends it (the {@code decide} update): what, on which revision,
 * which open HIGH findings an approval accepts, and until when the client waits for it.
 *
 * @param kind APPROVE, REJECT, REQUEST_CHANGES or COMMENT
 * @param text the comment or reason (for an approval that accepts findings, why they are accepted)
 * @param change the amended blueprint of a change request, else null
 * @param revision the revision the decider decided on; 0 for any (comments)
 * @param accept the rule ids of the open HIGH findings an approval accepts
 * @param notAfterMillis the instant (epoch ms) after which the client no longer waits: a worker
 *     that first sees the request later refuses it, so a decision whose sender gave up is never
 *     applied behind its back; 0 for no deadline
 */
public record DecisionRequest(
    DecisionKind kind,
    String text,
    ChangeRequest change,
    int revision,
    List<String> accept,
    long notAfterMillis) {

  public DecisionRequest {
    accept = accept == null ? List.of() : List.copyOf(accept);
  }

  public static DecisionRequest approve(int revision, String comment, List<String> accept) {
    return new DecisionRequest(DecisionKind.APPROVE, comment, null, revision, accept, 0);
  }

  public static DecisionRequest reject(int revision, String reason) {
    return new DecisionRequest(DecisionKind.REJECT, reason, null, revision, null, 0);
  }

  public static DecisionRequest requestChanges(int revision, ChangeRequest change) {
    return new DecisionRequest(
        DecisionKind.REQUEST_CHANGES,
        change == null ? null : change.comment(),
        change,
        revision,
        null,
        0);
  }

  public static DecisionRequest comment(String text) {
    return new DecisionRequest(DecisionKind.COMMENT, text, null, 0, null, 0);
  }

  public DecisionRequest notAfter(long epochMillis) {
    return new DecisionRequest(kind, text, change, revision, accept, epochMillis);
  }
}
