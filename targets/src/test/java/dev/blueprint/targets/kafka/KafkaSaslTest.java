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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --command-config} with SASL/PLAIN against a real broker that requires it. */
class KafkaSaslTest {

  static KafkaClusterTestKit cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                    .build())
            .setConfigProp("offsets.topic.replication.factor", (short) 1)
            // the kit turns an authorizer on with SASL; its controller listener stays PLAINTEXT,
            // where the nodes themselves connect as ANONYMOUS
            .setConfigProp("super.users", "User:ANONYMOUS;User:plain-admin")
            .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  static Path clientConfig(Path dir, String password) throws Exception {
    Path file = dir.resolve("client-" + password + ".properties");
    Files.writeString(
        file,
        "security.protocol=SASL_PLAINTEXT\n"
            + "sasl.mechanism=PLAIN\n"
            + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"plain-admin\" password=\""
            + password
            + "\";\n");
    return file;
  }

  @Test
  void planAndApplyWithSaslCredentialsFromTheCommandConfig(@TempDir Path dir) throws Exception {
    KafkaConnection c =
        KafkaConnection.of(
            cluster.bootstrapServers(), Optional.of(clientConfig(dir, "plain-admin-secret")));
    List<TopicSpec> desired =
        List.of(
            new TopicSpec("secured.v1", 2, 1, new TreeMap<>(Map.of("retention.ms", "3600000"))));
    KafkaPlan plan = new KafkaPlanner(c).plan(desired, "sasl", false);
    assertEquals(1, plan.creates().size(), KafkaPlanFormat.text(plan));
    assertEquals(List.of("secured.v1"), new KafkaApplier(c).apply(plan).createdTopics());
    assertFalse(
        TestKafka.eventually(
                () -> new KafkaPlanner(c).plan(desired, "sasl", false), p -> !p.hasChanges())
            .hasChanges());
    // the marker was written and read through the same SASL settings
    assertEquals(
        List.of("secured.v1"), new KafkaApplier(c).deleteCreated(List.of("secured.v1"), "sasl"));
  }

  @Test
  void wrongCredentialsAreOneClearError(@TempDir Path dir) throws Exception {
    KafkaConnection c =
        KafkaConnection.of(cluster.bootstrapServers(), Optional.of(clientConfig(dir, "wrong")))
            .withTimeout(Duration.ofSeconds(5));
    TargetException e =
        assertThrows(
            TargetException.class, () -> new KafkaPlanner(c).plan(List.of(), "sasl", false));
    assertTrue(e.getMessage().contains(cluster.bootstrapServers()), e.getMessage());
    assertTrue(e.getMessage().toLowerCase().contains("authentication"), e.getMessage());
  }

  @Test
  void withoutTheCommandConfigTheSecuredClusterIsUnreachable() {
    KafkaConnection c =
        KafkaConnection.of(cluster.bootstrapServers()).withTimeout(Duration.ofSeconds(3));
    TargetException e =
        assertThrows(
            TargetException.class, () -> new KafkaPlanner(c).plan(List.of(), "sasl", false));
    assertTrue(e.getMessage().contains("--command-config"), e.getMessage());
  }
}
