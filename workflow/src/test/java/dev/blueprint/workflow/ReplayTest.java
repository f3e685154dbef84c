package dev.blueprint.workflow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.workflow.impl.EngagementWorkflowImpl;
import dev.blueprint.workflow.runtime.Connection;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.internal.sync.PotentialDeadlockException;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.NonDeterministicException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays histories saved from real runs (one per path and workflow version, committed under
 * src/test/resources/histories) against the current workflow code: a change that would break a
 * running engagement fails here.
 */
class ReplayTest {

  static List<String> histories() throws IOException {
    try (Stream<Path> files = Files.list(Histories.dir())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .sorted()
          .toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("histories")
  void replaysWithoutNonDeterminism(String history) throws Exception {
    // histories saved through Connection's client carry compressed payloads
    TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(
                    WorkflowClientOptions.newBuilder()
                        .setDataConverter(Connection.DATA_CONVERTER)
                        .build())
                .build());
    try {
      WorkflowReplayer.replayWorkflowExecutionFromResource(
          "histories/" + history, env, EngagementWorkflowImpl.class);
    } finally {
      env.close();
    }
  }

  @Test
  void thereIsAHistoryForEveryWorkflowVersion() throws IOException {
    List<String> names = histories();
    assertFalse(names.isEmpty());
    for (String version : WorkflowVersions.ALL) {
      assertTrue(
          names.stream().anyMatch(n -> n.endsWith("-" + version + ".json")),
          "no history for workflow version " + version + " in " + names);
    }
  }

  @Test
  void aChangedWorkflowIsCaught() {
    Throwable root = null;
    // a busy machine can trip the 1 s deadlock detector while classes load: try again then
    for (int attempt = 0; attempt < 3; attempt++) {
      Exception e =
          assertThrows(
              Exception.class,
              () ->
                  WorkflowReplayer.replayWorkflowExecutionFromResource(
                      "histories/approved-v1.json", ReorderedWorkflow.class));
      root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      if (!(root instanceof PotentialDeadlockException)
          && !String.valueOf(root).contains("PotentialDeadlockException")) {
        break;
      }
    }
    // the replayer reports the error inside a query failure's message, not as a cause
    String text = String.valueOf(root);
    assertTrue(
        root instanceof NonDeterministicException
            || text.contains(NonDeterministicException.class.getName()),
        text);
  }
}
