package dev.blueprint.workflow.activities;

import dev.blueprint.workflow.api.EngagementWorkflow;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The task queue of the workers that hold one workspace root on one host: {@code
 * blueprint-engagements@HOST-HASH}, where HASH is a checksum of the root's absolute path. Every
 * worker polls the shared queue and its host's queue; an engagement moves to the host queue of the
 * worker that took it first, so that every step that touches its files runs where they are, as in
 * Temporal's file-processing sample. Workers restarted with the same root on the same host serve it
 * again.
 */
public final class HostQueue {

  private HostQueue() {}

  public static String of(Path workspaceRoot) {
    String root = workspaceRoot.toAbsolutePath().normalize().toString();
    CRC32 crc = new CRC32();
    crc.update(root.getBytes(StandardCharsets.UTF_8));
    return EngagementWorkflow.TASK_QUEUE
        + "@"
        + hostName()
        + "-"
        + HexFormat.of().toHexDigits((int) crc.getValue());
  }

  static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
