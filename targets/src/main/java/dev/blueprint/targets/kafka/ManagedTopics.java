package dev.blueprint.targets.kafka;

import dev.blueprint.targets.TargetException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Which topics a blueprint created, kept in the cluster itself so that every operator and the
 * engagement's compensation see the same answer.
 *
 * <p>Kafka has no labels on topics, and a topic accepts only the broker's known config keys, so the
 * marker cannot live on the topic. A local state file would be seen by one machine only. So the
 * marker is a record in the compacted topic {@value #STATE_TOPIC}: key = topic name, value = the
 * owning engagement id; a tombstone when the topic is deleted. Only topics with a marker of the
 * same owner are ever deleted; a topic that existed before the blueprint never gets one.
 */
public final class ManagedTopics {

  /** The compacted topic holding the markers (one partition, so reads are ordered). */
  public static final String STATE_TOPIC = "blueprint-managed-topics";

  private final KafkaConnection connection;

  public ManagedTopics(KafkaConnection connection) {
    this.connection = connection;
  }

  /** Every marked topic with its owner; empty when the state topic does not exist yet. */
  public Map<String, String> read(Admin admin) {
    Set<String> names = KafkaErrors.await(admin.listTopics().names(), connection, "listing topics");
    Map<String, String> owners = new HashMap<>();
    if (!names.contains(STATE_TOPIC)) {
      return owners;
    }
    Map<String, Object> config = connection.clientConfig();
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    TopicPartition tp = new TopicPartition(STATE_TOPIC, 0);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end = consumer.endOffsets(List.of(tp), connection.timeout()).get(tp);
      Instant deadline = Instant.now().plus(connection.timeout());
      while (consumer.position(tp, connection.timeout()) < end) {
        if (Instant.now().isAfter(deadline)) {
          throw new TargetException(
              "reading "
                  + STATE_TOPIC
                  + " at "
                  + connection.bootstrapServers()
                  + " timed out after "
                  + connection.timeout().toSeconds()
                  + " s");
        }
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.value() == null) {
            owners.remove(r.key());
          } else {
            owners.put(r.key(), r.value());
          }
        }
      }
    } catch (RuntimeException e) {
      if (e instanceof TargetException te) {
        throw te;
      }
      throw KafkaErrors.failure(e, connection, "reading " + STATE_TOPIC);
    }
    return owners;
  }

  /** Records {@code topics} as created by {@code owner}; creates the state topic when missing. */
  public void mark(Admin admin, Collection<String> topics, String owner) {
    write(admin, topics, owner);
  }

  /** Removes the markers of {@code topics}. */
  public void unmark(Admin admin, Collection<String> topics) {
    write(admin, topics, null);
  }

  private void write(Admin admin, Collection<String> topics, String owner) {
    if (topics.isEmpty()) {
      return;
    }
    ensureStateTopic(admin);
    Map<String, Object> config = connection.clientConfig();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    int ms = (int) connection.timeout().toMillis();
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (long) ms);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ms + ms / 2);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (String topic : topics) {
        producer.send(new ProducerRecord<>(STATE_TOPIC, 0, topic, owner)).get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TargetException("writing " + STATE_TOPIC + " was interrupted", e);
    } catch (Exception e) {
      throw KafkaErrors.failure(e, connection, "writing " + STATE_TOPIC);
    }
  }

  private void ensureStateTopic(Admin admin) {
    Set<String> names = KafkaErrors.await(admin.listTopics().names(), connection, "listing topics");
    if (names.contains(STATE_TOPIC)) {
      return;
    }
    int brokers =
        KafkaErrors.await(admin.describeCluster().nodes(), connection, "describing the cluster")
            .size();
    short replication = (short) Math.min(3, Math.max(1, brokers));
    NewTopic topic =
        new NewTopic(STATE_TOPIC, 1, replication)
            .configs(
                Map.of(
                    "cleanup.policy",
                    "compact",
                    "min.insync.replicas",
                    Integer.toString(Math.max(1, replication - 1))));
    try {
      KafkaErrors.await(
          admin.createTopics(List.of(topic)).all(), connection, "creating " + STATE_TOPIC);
    } catch (TargetException e) {
      if (!(KafkaErrors.root(e) instanceof TopicExistsException)) {
        throw e;
      }
    }
  }
}
