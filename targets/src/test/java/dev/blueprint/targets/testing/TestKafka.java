package dev.blueprint.targets.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Real KRaft clusters in-process (Kafka's own test kit), listening on loopback only. Shared with
 * other modules' tests through the blueprint-targets test-jar.
 */
public final class TestKafka {

  private TestKafka() {}

  /** A started cluster of {@code brokers} brokers and one controller. */
  public static KafkaClusterTestKit start(int brokers) throws Exception {
    KafkaClusterTestKit cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(brokers == 1)
                    .setNumBrokerNodes(brokers)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("offsets.topic.replication.factor", (short) Math.min(3, brokers))
            .setConfigProp("transaction.state.log.replication.factor", (short) Math.min(3, brokers))
            .setConfigProp("transaction.state.log.min.isr", 1)
            .setConfigProp("group.initial.rebalance.delay.ms", 0)
            .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    return cluster;
  }

  /** Polls {@code value} until {@code done} or 15 s: metadata reads can lag writes. */
  public static <T> T eventually(Supplier<T> value, java.util.function.Predicate<T> done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
    T last = value.get();
    while (!done.test(last) && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      last = value.get();
    }
    return last;
  }
}
