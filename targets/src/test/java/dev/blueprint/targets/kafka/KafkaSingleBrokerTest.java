package dev.blueprint.targets.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.kafka.TopicSpec;
import dev.blueprint.targets.TargetException;
import dev.blueprint.targets.testing.TestKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan and apply against one real KRaft broker started by the test. */
class KafkaSingleBrokerTest {

  static KafkaClusterTestKit cluster;
  static KafkaConnection connection;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestKafka.start(1);
    connection = KafkaConnection.of(cluster.bootstrapServers());
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  static TopicSpec topic(String name, int partitions, Map<String, String> configs) {
    TreeMap<String, String> c = new TreeMap<>(Map.of("min.insync.replicas", "1"));
    c.putAll(configs);
    return new TopicSpec(name, partitions, 1, c);
  }

  static KafkaPlan plan(List<TopicSpec> desired, String owner) {
    return new KafkaPlanner(connection).plan(desired, owner, false);
  }

  /** Re-plans until the plan has no changes (metadata reads can lag writes). */
  static KafkaPlan settled(List<TopicSpec> desired, String owner) {
    return TestKafka.eventually(() -> plan(desired, owner), p -> !p.hasChanges());
  }

  @Test
  void planApplyReplanIsInSyncAndSecondApplyDoesNothing() {
    List<TopicSpec> desired =
        List.of(
            topic("orders.v1", 3, Map.of("retention.ms", "604800000", "cleanup.policy", "delete")),
            topic("customers.v1", 2, Map.of("cleanup.policy", "compact")));
    KafkaPlan first = plan(desired, "e1");
    assertTrue(first.hasChanges());
    assertEquals(
        List.of("orders.v1", "customers.v1"),
        first.creates().stream().map(TopicSpec::name).toList());
    assertTrue(KafkaPlanFormat.text(first).contains("+ create orders.v1 partitions=3"));
    assertTrue(KafkaPlanFormat.json(first).contains("\"topic\" : \"customers.v1\""));

    KafkaApplyResult result = new KafkaApplier(connection).apply(first);
    assertEquals(List.of("orders.v1", "customers.v1"), result.createdTopics());

    KafkaPlan second = settled(desired, "e1");
    assertFalse(second.hasChanges(), KafkaPlanFormat.text(second));
    assertEquals(List.of("orders.v1", "customers.v1"), second.inSync());
    assertTrue(KafkaPlanFormat.text(second).contains("No changes"));
    assertTrue(new KafkaApplier(connection).apply(second).isEmpty());
  }

  @Test
  void increasesPartitionsAndSetsAndRemovesTopicConfigs() throws Exception {
    TopicSpec v1 = topic("clicks.v1", 2, Map.of("retention.ms", "86400000"));
    new KafkaApplier(connection).apply(plan(List.of(v1), "e2"));
    settled(List.of(v1), "e2");
    try (Admin admin = connection.admin()) {
      // someone sets a topic config by hand that the blueprint does not have
      ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, "clicks.v1");
      admin
          .incrementalAlterConfigs(
              Map.of(
                  r,
                  List.of(
                      new AlterConfigOp(
                          new ConfigEntry("segment.ms", "3600000"), AlterConfigOp.OpType.SET))))
          .all()
          .get();
    }
    TopicSpec v2 = topic("clicks.v1", 4, Map.of("retention.ms", "172800000"));
    KafkaPlan plan =
        TestKafka.eventually(() -> plan(List.of(v2), "e2"), p -> p.configChanges().size() == 2);
    assertEquals(
        List.of(new KafkaPlan.PartitionIncrease("clicks.v1", 2, 4)), plan.partitionIncreases());
    assertTrue(
        plan.configChanges()
            .contains(
                new KafkaPlan.ConfigChange("clicks.v1", "retention.ms", "86400000", "172800000")),
        plan.configChanges().toString());
    assertTrue(
        plan.configChanges()
            .contains(new KafkaPlan.ConfigChange("clicks.v1", "segment.ms", "3600000", null)),
        plan.configChanges().toString());
    // broker defaults (e.g. segment.bytes, message.timestamp.type) are never compared
    assertEquals(2, plan.configChanges().size(), plan.configChanges().toString());

    KafkaApplyResult result = new KafkaApplier(connection).apply(plan);
    assertTrue(result.applied().contains("increased the partitions of clicks.v1 from 2 to 4"));
    assertTrue(result.applied().contains("removed segment.ms from clicks.v1"));
    assertTrue(result.createdTopics().isEmpty());
    assertFalse(settled(List.of(v2), "e2").hasChanges());
  }

  @Test
  void refusesDecreaseCollisionBrokerCountUnknownKeyAndInternalNames() throws Exception {
    TopicSpec existing = topic("payments.v1", 4, Map.of());
    new KafkaApplier(connection).apply(plan(List.of(existing), "e3"));
    settled(List.of(existing), "e3");

    KafkaPlan plan =
        plan(
            List.of(
                topic("payments.v1", 2, Map.of()),
                topic("payments_v1", 1, Map.of()),
                new TopicSpec("replicated", 1, 3, new TreeMap<>(Map.of())),
                topic("bad-config", 1, Map.of("retention.mss", "1")),
                topic("__mine", 1, Map.of()),
                topic("fine", 1, Map.of())),
            "e3");
    Map<String, String> reasons = new TreeMap<>();
    plan.refusals().forEach(r -> reasons.put(r.topic(), r.reason()));
    assertTrue(reasons.get("payments.v1").contains("cannot decrease"), reasons.toString());
    assertTrue(
        reasons.get("payments_v1").contains("collides with payments.v1 of the same blueprint"),
        reasons.toString());
    assertTrue(reasons.get("replicated").contains("above the 1 broker(s)"));
    assertTrue(reasons.get("bad-config").contains("retention.mss"), reasons.get("bad-config"));
    assertTrue(reasons.get("__mine").contains("internal"));
    assertEquals(5, reasons.size());
    assertTrue(plan.isRefused());
    assertTrue(KafkaPlanFormat.text(plan).contains("! refused payments.v1"));

    TargetException e =
        assertThrows(TargetException.class, () -> new KafkaApplier(connection).apply(plan));
    assertTrue(e.getMessage().contains("nothing was applied"));
    try (Admin admin = connection.admin()) {
      assertFalse(
          admin.listTopics().names().get().contains("fine"), "a refused plan applies nothing");
    }
  }

  @Test
  void refusesInvalidConfigValueOnAnExistingTopic() {
    TopicSpec t = topic("audit.v1", 1, Map.of());
    new KafkaApplier(connection).apply(plan(List.of(t), "e4"));
    settled(List.of(t), "e4");
    KafkaPlan plan =
        plan(List.of(topic("audit.v1", 1, Map.of("cleanup.policy", "sometimes"))), "e4");
    assertEquals(1, plan.refusals().size(), plan.toString());
    assertTrue(plan.refusals().get(0).reason().contains("the broker refuses the configs"));
  }

  @Test
  void deletesOnlyManagedTopicsAndOnlyWhenAllowed() throws Exception {
    try (Admin admin = connection.admin()) {
      admin.createTopics(List.of(new NewTopic("theirs.v1", 1, (short) 1))).all().get();
    }
    TopicSpec mine = topic("mine.v1", 1, Map.of());
    TopicSpec kept = topic("kept.v1", 1, Map.of());
    new KafkaApplier(connection).apply(plan(List.of(mine, kept), "e5"));
    settled(List.of(mine, kept), "e5");

    // mine.v1 leaves the blueprint; theirs.v1 was never in it and is not managed
    KafkaPlan keep = plan(List.of(kept), "e5");
    assertEquals(List.of("mine.v1"), keep.deletes());
    assertFalse(keep.hasChanges());
    assertTrue(KafkaPlanFormat.text(keep).contains("--allow-delete deletes it"));
    assertTrue(new KafkaApplier(connection).apply(keep).deletedTopics().isEmpty());

    // another engagement does not own mine.v1
    assertTrue(new KafkaPlanner(connection).plan(List.of(), "other", true).deletes().isEmpty());
    assertTrue(
        new KafkaApplier(connection)
            .deleteCreated(List.of("mine.v1", "theirs.v1"), "other")
            .isEmpty());

    KafkaPlan delete = new KafkaPlanner(connection).plan(List.of(kept), "e5", true);
    assertTrue(delete.hasChanges());
    assertEquals(List.of("mine.v1"), new KafkaApplier(connection).apply(delete).deletedTopics());
    try (Admin admin = connection.admin()) {
      List<String> names =
          TestKafka.eventually(
              () -> {
                try {
                  return List.copyOf(admin.listTopics().names().get());
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              n -> !n.contains("mine.v1"));
      assertFalse(names.contains("mine.v1"));
      assertTrue(names.contains("theirs.v1"));
      assertTrue(names.contains("kept.v1"));
    }
  }

  @Test
  void compensationDeletesWhatTheEngagementCreatedAndNothingElse() throws Exception {
    try (Admin admin = connection.admin()) {
      admin.createTopics(List.of(new NewTopic("shared.v1", 1, (short) 1))).all().get();
    }
    List<TopicSpec> desired =
        List.of(topic("shared.v1", 1, Map.of()), topic("fresh.v1", 1, Map.of()));
    KafkaApplyResult result =
        new KafkaApplier(connection)
            .apply(TestKafka.eventually(() -> plan(desired, "e6"), p -> p.creates().size() == 1));
    assertEquals(List.of("fresh.v1"), result.createdTopics());

    List<String> deleted =
        new KafkaApplier(connection).deleteCreated(List.of("fresh.v1", "shared.v1"), "e6");
    assertEquals(List.of("fresh.v1"), deleted);
    // idempotent: a second compensation finds nothing to do
    assertTrue(new KafkaApplier(connection).deleteCreated(List.of("fresh.v1"), "e6").isEmpty());
    try (Admin admin = connection.admin()) {
      assertTrue(admin.listTopics().names().get().contains("shared.v1"));
    }
  }

  @Test
  void failurePartWayReportsWhatWasAppliedAndRerunConverges() throws Exception {
    List<TopicSpec> desired =
        List.of(topic("first.v1", 1, Map.of()), topic("second.v1", 2, Map.of()));
    KafkaPlan plan = plan(desired, "e7");
    assertEquals(2, plan.creates().size());
    try (Admin admin = connection.admin()) {
      // between plan and apply, someone else creates one of the topics
      admin.createTopics(List.of(new NewTopic("second.v1", 1, (short) 1))).all().get();
    }
    KafkaApplyException e =
        assertThrows(KafkaApplyException.class, () -> new KafkaApplier(connection).apply(plan));
    assertEquals(List.of("first.v1"), e.createdTopics());
    assertTrue(e.getMessage().contains("created topic first.v1"), e.getMessage());
    assertTrue(e.getMessage().contains("second.v1"), e.getMessage());
    // second.v1 is someone else's: it never becomes this engagement's to delete
    assertTrue(new KafkaApplier(connection).deleteCreated(List.of("second.v1"), "e7").isEmpty());

    KafkaPlan again = TestKafka.eventually(() -> plan(desired, "e7"), p -> p.creates().isEmpty());
    assertEquals(
        List.of(new KafkaPlan.PartitionIncrease("second.v1", 1, 2)), again.partitionIncreases());
    new KafkaApplier(connection).apply(again);
    assertFalse(settled(desired, "e7").hasChanges());
  }

  @Test
  void brokerDownIsOneClearErrorAndNothingIsClaimed() {
    Instant start = Instant.now();
    KafkaConnection down = KafkaConnection.of("127.0.0.1:1").withTimeout(Duration.ofSeconds(2));
    TargetException e =
        assertThrows(
            TargetException.class,
            () -> new KafkaPlanner(down).plan(List.of(topic("x", 1, Map.of())), "e8", false));
    assertTrue(
        e.getMessage().contains("cannot reach the Kafka cluster at 127.0.0.1:1"), e.getMessage());
    assertTrue(Duration.between(start, Instant.now()).toSeconds() < 15);

    KafkaPlan plan = plan(List.of(topic("never.v1", 1, Map.of())), "e8");
    KafkaApplyException applyError =
        assertThrows(
            KafkaApplyException.class,
            () ->
                new KafkaApplier(down)
                    .apply(
                        new KafkaPlan(
                            "127.0.0.1:1",
                            "e8",
                            1,
                            plan.creates(),
                            List.of(),
                            List.of(),
                            List.of(),
                            false,
                            List.of(),
                            List.of())));
    assertTrue(applyError.applied().isEmpty());
    assertTrue(applyError.getMessage().contains("nothing was applied"), applyError.getMessage());
  }

  @Test
  void commandConfigIsReadLikeKafkasTools(@TempDir Path dir) throws Exception {
    Path props = dir.resolve("client.properties");
    Files.writeString(
        props, "# as for kafka-topics.sh\nsecurity.protocol=PLAINTEXT\nclient.id=blueprint-test\n");
    KafkaConnection c = KafkaConnection.of(cluster.bootstrapServers(), Optional.of(props));
    assertEquals("blueprint-test", c.clientConfig().get("client.id"));
    assertFalse(new KafkaPlanner(c).plan(List.of(), "e9", false).hasChanges());

    TargetException missing =
        assertThrows(
            TargetException.class,
            () -> KafkaConnection.of("h:1", Optional.of(dir.resolve("nope.properties"))));
    assertTrue(missing.getMessage().contains("nope.properties"));
  }
}
