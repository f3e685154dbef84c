package dev.blueprint.workflow.api;

/**
 * One entry in the review's history.
 *
 * @param kind what happened
 * @param revision the revision it concerns
 * @param text the comment, reason or note
 * @param atMillis workflow time, epoch milliseconds
 */
public record DecisionRecord(DecisionKind kind, int revision, String text, long atMillis) {}
