package dev.blueprint.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.targets.kafka.KafkaConnection;
import dev.blueprint.targets.kafka.ManagedTopics;
import dev.blueprint.targets.testing.TestKafka;
import dev.blueprint.workflow.activities.EngagementActivitiesImpl;
import dev.blueprint.workflow.activities.StepHooks.Phase;
import dev.blueprint.workflow.activities.TargetsProvisioner;
import dev.blueprint.workflow.activities.Workspace;
import dev.blueprint.workflow.api.EngagementInput;
import dev.blueprint.workflow.api.EngagementStatus;
import dev.blueprint.workflow.api.Outcome;
import dev.blueprint.workflow.api.Step;
import dev.blueprint.workflow.api.Tuning;
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
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provision step against a real three-broker Kafka cluster: the proposal's topics are created,
 * and a fault after provisioning (at publish) deletes exactly those topics again.
 */
class KafkaProvisioningTest {

  static final String SLUG = "clickstream-analytics";

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(EngagementWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  static KafkaClusterTestKit cluster;

  @BeforeAll
  static void startKafka() throws Exception {
    cluster = TestKafka.start(3);
  }

  @AfterAll
  static void stopKafka() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @TempDir Path tmp;

  Set<String> topics(KafkaConnection kafka) throws Exception {
    try (Admin admin = kafka.admin()) {
      return admin.listTopics().names().get().stream()
          // internal topics, and the targets module's own registry of the topics it manages
          .filter(t -> !t.startsWith("__") && !t.equals(ManagedTopics.STATE_TOPIC))
          .collect(Collectors.toSet());
    }
  }

  @Test
  void topicsAreCreatedThenDeletedByTheCompensationOfALaterFault(
      TestWorkflowEnvironment env, WorkflowClient client, WorkflowOptions options, Worker worker)
      throws Exception {
    KafkaConnection kafka = KafkaConnection.of(cluster.bootstrapServers());
    Set<String> before = topics(kafka);
    Workspace workspace = new Workspace(tmp.resolve("engagements"));
    FaultHooks fault = FaultHooks.permanent(Step.PUBLISH, Phase.BEFORE);
    AtomicReference<Set<String>> atFault = new AtomicReference<>();
    worker.registerActivitiesImplementations(
        new EngagementActivitiesImpl(
            workspace,
            DefaultPorts.create(workspace, "test", null, new TargetsProvisioner(kafka, null)),
            (step, phase) -> {
              if (step == Step.PUBLISH && phase == Phase.BEFORE) {
                try {
                  atFault.set(topics(kafka));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }
              fault.at(step, phase);
            }));
    env.start();
    Engagements engagements = new Engagements(client, options.getTaskQueue());
    Path file = TestPorts.example("requirements.yaml");
    engagements.start(
        EngagementInput.of(SLUG, file.toString(), Files.readString(file), true)
            .withTuning(new Tuning(120, 30, 3, 2_000)));

    assertThrows(
        EngagementException.class, () -> engagements.awaitResult(SLUG, Duration.ofMinutes(2)));
    EngagementStatus s = engagements.status(SLUG);
    assertEquals(Outcome.FAILED, s.outcome());
    assertTrue(atFault.get().size() > before.size(), "topics were created: " + atFault.get());
    assertTrue(
        s.compensationsRun().contains("deprovision targets"), s.compensationsRun().toString());
    Set<String> after =
        TestKafka.eventually(
            () -> {
              try {
                return topics(kafka);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            before::equals);
    assertEquals(before, after, "nothing left on the cluster");
    assertFalse(Files.exists(workspace.dir(SLUG)));
  }
}
