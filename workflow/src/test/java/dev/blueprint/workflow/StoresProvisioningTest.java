package dev.blueprint.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.targets.stores.Neo4jConnection;
import dev.blueprint.targets.stores.Neo4jTarget;
import dev.blueprint.targets.testing.TestNeo4j;
import dev.blueprint.targets.testing.TestTools;
import dev.blueprint.workflow.activities.EngagementActivitiesImpl;
import dev.blueprint.workflow.activities.StepHooks;
import dev.blueprint.workflow.activities.StepHooks.Phase;
import dev.blueprint.workflow.activities.TargetsProvisioner;
import dev.blueprint.workflow.activities.Workspace;
import dev.blueprint.workflow.api.EngagementStatus;
import dev.blueprint.workflow.api.Outcome;
import dev.blueprint.workflow.api.Step;
import dev.blueprint.workflow.impl.EngagementWorkflowImpl;
import dev.blueprint.workflow.runtime.DefaultPorts;
import dev.blueprint.workflow.runtime.EngagementException;
import dev.blueprint.workflow.runtime.Engagements;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provision step with a store other than PostgreSQL, a real Neo4j: the fraud-detection
 * engagement creates its graph's constraints and indexes, and a fault after provisioning (at
 * publish) drops exactly those, while an index someone else made on the same label stays. The other
 * stores share the code path (StoreTarget); their own guarantees are proven in targets.
 */
class StoresProvisioningTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(EngagementWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  static final String SLUG = "fraud-detection";
  static TestNeo4j neo4j;

  @TempDir Path tmp;
  Engagements engagements;
  Workspace workspace;

  @BeforeAll
  static void startNeo4j() throws Exception {
    neo4j = TestNeo4j.start("fraud-graph-cluster");
  }

  @AfterAll
  static void stopNeo4j() {
    if (neo4j != null) {
      neo4j.close();
    }
  }

  @BeforeEach
  void setUp(WorkflowClient client, WorkflowOptions options) {
    workspace = new Workspace(tmp.resolve("engagements"));
    engagements = new Engagements(client, options.getTaskQueue());
    for (String name : schema()) {
      // a constraint first: its name is also its index's, which cannot be dropped on its own
      neo4j
          .cypherShell(
              "DROP CONSTRAINT `" + name + "` IF EXISTS; DROP INDEX `" + name + "` IF EXISTS;")
          .ok();
    }
  }

  void start(TestWorkflowEnvironment env, Worker worker, StepHooks hooks) throws Exception {
    Neo4jConnection connection = new Neo4jConnection(neo4j.uri(), null, null);
    worker.registerActivitiesImplementations(
        new EngagementActivitiesImpl(
            workspace,
            DefaultPorts.create(
                workspace,
                "test",
                null,
                new TargetsProvisioner(null, null, List.of(() -> new Neo4jTarget(connection)))),
            hooks));
    env.start();
    AmendedEngagement.startAndApproveExampleBlueprint(engagements, SLUG);
  }

  /** Names of constraints and of indexes no constraint owns, via cypher-shell. */
  static List<String> schema() {
    List<String> names = new ArrayList<>();
    for (String q :
        List.of(
            "SHOW CONSTRAINTS YIELD name RETURN name;",
            "SHOW INDEXES YIELD name, type, owningConstraint"
                + " WHERE type <> 'LOOKUP' AND owningConstraint IS NULL RETURN name;")) {
      neo4j
          .cypherShell("--format", "plain", q)
          .ok()
          .output()
          .lines()
          .filter(l -> !l.isBlank() && !l.equals("name"))
          .forEach(l -> names.add(l.replace("\"", "")));
    }
    return names.stream().sorted().toList();
  }

  @Test
  void theGraphsConstraintsAndIndexesAreCreated(TestWorkflowEnvironment env, Worker worker)
      throws Exception {
    start(env, worker, StepHooks.NONE);
    var result = engagements.awaitResult(SLUG, Duration.ofMinutes(2));
    assertEquals(Outcome.COMPLETED, result.outcome());
    assertTrue(schema().contains("fraud_graph_key"), schema().toString());
    assertEquals(4, schema().size(), schema().toString());
    EngagementStatus s = engagements.status(SLUG);
    assertTrue(
        s.steps().stream()
            .anyMatch(p -> p.step() == Step.PROVISION && p.note().contains("4 Neo4j objects")),
        s.steps().toString());
  }

  @Test
  void aFaultAfterProvisioningDropsOnlyWhatTheEngagementCreated(
      TestWorkflowEnvironment env, Worker worker) throws Exception {
    neo4j.cypherShell("CREATE INDEX `theirs` FOR (n:FraudGraph) ON (n.`risk`);").ok();
    FaultHooks fault = FaultHooks.permanent(Step.PUBLISH, Phase.BEFORE);
    AtomicReference<List<String>> atFault = new AtomicReference<>();
    start(
        env,
        worker,
        (step, phase) -> {
          if (step == Step.PUBLISH && phase == Phase.BEFORE) {
            atFault.set(schema());
          }
          fault.at(step, phase);
        });
    assertThrows(
        EngagementException.class, () -> engagements.awaitResult(SLUG, Duration.ofMinutes(2)));
    EngagementStatus s = engagements.status(SLUG);
    assertEquals(Outcome.FAILED, s.outcome());
    assertTrue(
        s.compensationsRun().contains("deprovision targets"), s.compensationsRun().toString());
    assertEquals(5, atFault.get().size(), "provisioned before the fault: " + atFault.get());
    assertEquals(List.of("theirs"), schema(), "only what the engagement created was dropped");
    assertFalse(Files.exists(workspace.dir(SLUG)));
    TestTools.Run again = neo4j.cypherShell("SHOW INDEXES YIELD name;");
    assertEquals(0, again.exitCode(), again.output());
  }
}
