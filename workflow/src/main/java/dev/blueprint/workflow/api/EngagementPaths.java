package dev.blueprint.workflow.api;

/**
 * Where an engagement's files are, as absolute paths on the worker's machine; null until written.
 *
 * @param workspace the engagement's folder
 * @param report the advisor's report (report.md)
 * @param generated the generated scaffolding tree
 * @param repository the published git repository
 * @param remote the remote it was pushed to, or null
 */
public record EngagementPaths(
    String workspace, String report, String generated, String repository, String remote) {

  public static final EngagementPaths NONE = new EngagementPaths(null, null, null, null, null);

  public EngagementPaths withWorkspace(String value) {
    return new EngagementPaths(value, report, generated, repository, remote);
  }

  public EngagementPaths withReport(String value) {
    return new EngagementPaths(workspace, value, generated, repository, remote);
  }

  public EngagementPaths withGenerated(String value) {
    return new EngagementPaths(workspace, report, value, repository, remote);
  }

  public EngagementPaths withRepository(String value, String remoteValue) {
    return new EngagementPaths(workspace, report, generated, value, remoteValue);
  }
}
