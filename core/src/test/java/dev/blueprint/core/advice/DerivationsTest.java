package dev.blueprint.core.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DerivationsTest {

  @Test
  void kafkaPartitionsFollowThePeakAndRoundToTheMultiple() {
    // 6,000 events/s x 1,200 B = 7.2 MB/s -> 8 by bytes, 6 by events -> 8 -> 12
    assertEquals(12, Derivations.kafkaPartitions(7_200_000, 6_000, 1_000_000, 1_000, 2, 6));
    // tiny stream: at least the consumer parallelism, rounded up to 6
    assertEquals(6, Derivations.kafkaPartitions(1_000, 10, 1_000_000, 1_000, 1, 6));
    // events dominate: 20,000 events/s of 100 B -> 20 -> 24
    assertEquals(24, Derivations.kafkaPartitions(2_000_000, 20_000, 1_000_000, 1_000, 1, 6));
    // parallelism dominates
    assertEquals(18, Derivations.kafkaPartitions(0, 0, 1_000_000, 1_000, 13, 6));
  }

  @Test
  void kinesisShardsFollowThePerShardLimits() {
    assertEquals(8, Derivations.kinesisShards(7_200_000, 6_000, 1_000_000, 1_000));
    assertEquals(3, Derivations.kinesisShards(250_000, 2_500, 1_000_000, 1_000));
    assertEquals(1, Derivations.kinesisShards(0, 0, 1_000_000, 1_000));
  }

  @Test
  void retentionIsTheOutageWithMarginFlooredAndCoversReplay() {
    Duration floor = Duration.ofDays(7);
    assertEquals(Duration.ofDays(7), Derivations.retention(Duration.ofDays(3), 2, floor, null));
    assertEquals(Duration.ofDays(10), Derivations.retention(Duration.ofDays(5), 2, floor, null));
    assertEquals(Duration.ofDays(7), Derivations.retention(Duration.ofHours(1), 2, floor, null));
    assertEquals(
        Duration.ofDays(730),
        Derivations.retention(Duration.ofDays(3), 2, floor, Duration.ofDays(730)));
    assertEquals(Duration.ofDays(8), Derivations.retention(Duration.ofHours(90), 2, floor, null));
  }

  @Test
  void minInsyncReplicasStaysBelowTheReplicationFactor() {
    assertEquals(2, Derivations.minInsyncReplicas(3, 2));
    assertEquals(1, Derivations.minInsyncReplicas(2, 2));
    assertEquals(1, Derivations.minInsyncReplicas(1, 2));
  }
}
