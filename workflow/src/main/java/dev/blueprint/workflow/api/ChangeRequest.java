package dev.blueprint.workflow.api;

/**
 * A request for changes: the amended blueprint (its YAML text, read by the client) and why.
 *
 * @param fileName the file the client read it from, for messages
 * @param blueprintYaml the amended blueprint
 * @param comment what changed and why
 */
public record ChangeRequest(String fileName, String blueprintYaml, String comment) {}
