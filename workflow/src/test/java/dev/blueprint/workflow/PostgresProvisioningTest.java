package dev.blueprint.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.targets.testing.TestPostgres;
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
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provision step against a real PostgreSQL: the blueprint's DDL is applied, and a fault after
 * it (at publish) drops exactly what was created.
 */
class PostgresProvisioningTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(EngagementWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  static final String SLUG = "clickstream-analytics";

  @TempDir Path tmp;
  TestPostgres pg;
  Engagements engagements;
  Workspace workspace;

  @BeforeEach
  void setUp(WorkflowClient client, WorkflowOptions options) throws Exception {
    pg = TestPostgres.start();
    workspace = new Workspace(tmp.resolve("engagements"));
    engagements = new Engagements(client, options.getTaskQueue());
  }

  @AfterEach
  void tearDown() throws Exception {
    pg.close();
  }

  void start(TestWorkflowEnvironment env, Worker worker, StepHooks hooks) throws Exception {
    worker.registerActivitiesImplementations(
        new EngagementActivitiesImpl(
            workspace,
            DefaultPorts.create(
                workspace, "test", null, new TargetsProvisioner(null, pg.connection())),
            hooks));
    env.start();
    AmendedEngagement.startAndApproveExampleBlueprint(engagements, SLUG);
  }

  int userTables() throws Exception {
    try (Connection c = pg.jdbc();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select count(*) from information_schema.tables where table_schema not in"
                        + " ('pg_catalog', 'information_schema')")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void theDdlIsAppliedOnTheDatabase(TestWorkflowEnvironment env, Worker worker) throws Exception {
    assertEquals(0, userTables());
    start(env, worker, StepHooks.NONE);
    var result = engagements.awaitResult(SLUG, Duration.ofMinutes(1));
    assertEquals(Outcome.COMPLETED, result.outcome());
    assertTrue(userTables() > 0, "tables were created");
    EngagementStatus s = engagements.status(SLUG);
    assertTrue(
        s.steps().stream()
            .anyMatch(p -> p.step() == Step.PROVISION && p.note().contains("database objects")),
        s.steps().toString());
  }

  @Test
  void aFaultAfterProvisioningDropsWhatWasCreated(TestWorkflowEnvironment env, Worker worker)
      throws Exception {
    FaultHooks fault = FaultHooks.permanent(Step.PUBLISH, Phase.BEFORE);
    AtomicInteger tablesAtFault = new AtomicInteger(-1);
    start(
        env,
        worker,
        (step, phase) -> {
          if (step == Step.PUBLISH && phase == Phase.BEFORE) {
            try {
              tablesAtFault.set(userTables());
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
          fault.at(step, phase);
        });
    assertThrows(
        EngagementException.class, () -> engagements.awaitResult(SLUG, Duration.ofMinutes(1)));
    EngagementStatus s = engagements.status(SLUG);
    assertEquals(Outcome.FAILED, s.outcome());
    assertTrue(
        s.compensationsRun().contains("deprovision targets"), s.compensationsRun().toString());
    assertTrue(tablesAtFault.get() > 0, "the DDL was applied before the fault");
    assertEquals(0, userTables(), "nothing left in the database");
    assertFalse(Files.exists(workspace.dir(SLUG)));
  }
}
