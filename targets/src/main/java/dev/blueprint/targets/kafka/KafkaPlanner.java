package dev.blueprint.targets.kafka;

import dev.blueprint.core.kafka.TopicSpec;
import dev.blueprint.targets.kafka.KafkaPlan.ConfigChange;
import dev.blueprint.targets.kafka.KafkaPlan.PartitionIncrease;
import dev.blueprint.targets.kafka.KafkaPlan.Refusal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.AlterConfigsOptions;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Compares a blueprint's topics with a cluster and returns a {@link KafkaPlan}. It changes nothing:
 * creates are checked with the broker's validate-only mode, config changes with validate-only
 * incremental alters, so unknown config keys and bad values are refused by the broker itself (the
 * authority for its own version) before anything is applied.
 *
 * <p>Refused up front: a partition decrease, a replication factor change, a replication factor
 * above the broker count, an internal ({@code __}) name, a name that collides with another by
 * {@code .} versus {@code _}, and whatever the broker's validation rejects.
 */
public final class KafkaPlanner {

  private final KafkaConnection connection;

  public KafkaPlanner(KafkaConnection connection) {
    this.connection = connection;
  }

  /**
   * The plan that brings the cluster to {@code desired}.
   *
   * @param desired the blueprint's topics ({@code TopicSpecs.of(blueprint)})
   * @param owner the engagement id; managed topics of this owner that are not desired are deletes
   * @param allowDelete whether the plan's deletes are to be carried out
   */
  public KafkaPlan plan(List<TopicSpec> desired, String owner, boolean allowDelete) {
    Admin admin = connection.admin();
    try {
      return plan(admin, desired, owner, allowDelete);
    } finally {
      admin.close(KafkaConnection.CLOSE_TIMEOUT);
    }
  }

  KafkaPlan plan(Admin admin, List<TopicSpec> desired, String owner, boolean allowDelete) {
    int brokers =
        KafkaErrors.await(admin.describeCluster().nodes(), connection, "describing the cluster")
            .size();
    Set<String> existing =
        new TreeSet<>(KafkaErrors.await(admin.listTopics().names(), connection, "listing topics"));

    List<Refusal> refusals = new ArrayList<>();
    List<TopicSpec> toCreate = new ArrayList<>();
    List<TopicSpec> toCompare = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (TopicSpec spec : desired) {
      String name = spec.name();
      String folded = fold(name);
      String twin = seen.putIfAbsent(folded, name);
      if (twin != null) {
        refusals.add(
            new Refusal(
                name, "collides with " + twin + " of the same blueprint ('.' and '_' collide)"));
        continue;
      }
      if (name.startsWith("__")) {
        refusals.add(new Refusal(name, "names starting with '__' are internal to Kafka"));
        continue;
      }
      String collision =
          existing.stream()
              .filter(e -> !e.equals(name) && fold(e).equals(folded))
              .findFirst()
              .orElse(null);
      if (collision != null) {
        refusals.add(
            new Refusal(
                name,
                "collides with the existing topic "
                    + collision
                    + " ('.' and '_' collide in Kafka's metric names)"));
        continue;
      }
      if (spec.replicationFactor() > brokers) {
        refusals.add(
            new Refusal(
                name,
                "replication factor "
                    + spec.replicationFactor()
                    + " is above the "
                    + brokers
                    + " broker(s) of the cluster"));
        continue;
      }
      (existing.contains(name) ? toCompare : toCreate).add(spec);
    }

    validateCreates(admin, toCreate, refusals);

    List<PartitionIncrease> increases = new ArrayList<>();
    List<ConfigChange> changes = new ArrayList<>();
    List<String> inSync = new ArrayList<>();
    if (!toCompare.isEmpty()) {
      compare(admin, toCompare, refusals, increases, changes, inSync);
    }

    Set<String> desiredNames = new TreeSet<>();
    desired.forEach(t -> desiredNames.add(t.name()));
    List<String> deletes = new ArrayList<>();
    new ManagedTopics(connection)
        .read(admin)
        .forEach(
            (topic, by) -> {
              if (by.equals(owner) && existing.contains(topic) && !desiredNames.contains(topic)) {
                deletes.add(topic);
              }
            });
    deletes.sort(String::compareTo);

    Set<String> refused = new TreeSet<>();
    refusals.forEach(r -> refused.add(r.topic()));
    return new KafkaPlan(
        connection.bootstrapServers(),
        owner,
        brokers,
        toCreate.stream().filter(t -> !refused.contains(t.name())).toList(),
        increases.stream().filter(p -> !refused.contains(p.topic())).toList(),
        changes.stream().filter(c -> !refused.contains(c.topic())).toList(),
        deletes,
        allowDelete,
        refusals,
        inSync.stream().filter(t -> !refused.contains(t)).toList());
  }

  /** The broker's validate-only create for every new topic; failures become refusals. */
  private void validateCreates(Admin admin, List<TopicSpec> toCreate, List<Refusal> refusals) {
    if (toCreate.isEmpty()) {
      return;
    }
    Map<String, KafkaFuture<Void>> results =
        admin
            .createTopics(
                toCreate.stream().map(KafkaPlanner::newTopic).toList(),
                new CreateTopicsOptions().validateOnly(true))
            .values();
    for (TopicSpec spec : toCreate) {
      String refusal = failureOf(results.get(spec.name()), "validating the creation of");
      if (refusal != null) {
        refusals.add(new Refusal(spec.name(), "the broker refuses the creation: " + refusal));
      }
    }
  }

  private void compare(
      Admin admin,
      List<TopicSpec> specs,
      List<Refusal> refusals,
      List<PartitionIncrease> increases,
      List<ConfigChange> changes,
      List<String> inSync) {
    List<String> names = specs.stream().map(TopicSpec::name).toList();
    Map<String, TopicDescription> descriptions =
        KafkaErrors.await(
            admin.describeTopics(names).allTopicNames(), connection, "describing topics");
    List<ConfigResource> resources =
        names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
    Map<ConfigResource, Config> configs =
        KafkaErrors.await(
            admin.describeConfigs(resources).all(), connection, "describing topic configs");

    Map<ConfigResource, Collection<AlterConfigOp>> ops = new LinkedHashMap<>();
    for (TopicSpec spec : specs) {
      String name = spec.name();
      TopicDescription d = descriptions.get(name);
      int partitions = d.partitions().size();
      int replication = d.partitions().isEmpty() ? 0 : d.partitions().get(0).replicas().size();
      boolean changed = false;
      if (replication != spec.replicationFactor()) {
        refusals.add(
            new Refusal(
                name,
                "replication factor is "
                    + replication
                    + ", the blueprint wants "
                    + spec.replicationFactor()
                    + ": changing it needs a partition reassignment, which blueprint does not do"));
        continue;
      }
      if (spec.partitions() < partitions) {
        refusals.add(
            new Refusal(
                name,
                "has "
                    + partitions
                    + " partitions, the blueprint wants "
                    + spec.partitions()
                    + ": Kafka cannot decrease partitions"));
        continue;
      }
      if (spec.partitions() > partitions) {
        increases.add(new PartitionIncrease(name, partitions, spec.partitions()));
        changed = true;
      }
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
      Map<String, String> actual = topicOwnConfigs(configs.get(resource));
      List<AlterConfigOp> topicOps = new ArrayList<>();
      for (Map.Entry<String, String> e : spec.configs().entrySet()) {
        String current = actual.get(e.getKey());
        if (!e.getValue().equals(current)) {
          changes.add(new ConfigChange(name, e.getKey(), current, e.getValue()));
          topicOps.add(
              new AlterConfigOp(
                  new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET));
        }
      }
      for (Map.Entry<String, String> e : actual.entrySet()) {
        if (!spec.configs().containsKey(e.getKey())) {
          changes.add(new ConfigChange(name, e.getKey(), e.getValue(), null));
          topicOps.add(
              new AlterConfigOp(new ConfigEntry(e.getKey(), null), AlterConfigOp.OpType.DELETE));
        }
      }
      if (!topicOps.isEmpty()) {
        ops.put(resource, topicOps);
        changed = true;
      }
      if (!changed) {
        inSync.add(name);
      }
    }
    if (!ops.isEmpty()) {
      Map<ConfigResource, KafkaFuture<Void>> results =
          admin.incrementalAlterConfigs(ops, new AlterConfigsOptions().validateOnly(true)).values();
      for (ConfigResource r : ops.keySet()) {
        String refusal = failureOf(results.get(r), "validating the configs of");
        if (refusal != null) {
          refusals.add(new Refusal(r.name(), "the broker refuses the configs: " + refusal));
        }
      }
    }
  }

  /** The configs set on the topic itself, not inherited from broker or default. */
  static Map<String, String> topicOwnConfigs(Config config) {
    Map<String, String> out = new TreeMap<>();
    for (ConfigEntry e : config.entries()) {
      if (e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
        out.put(e.name(), e.value());
      }
    }
    return out;
  }

  /** The broker's reason for refusing, null when it accepted; a timeout is an error. */
  private String failureOf(KafkaFuture<Void> future, String what) {
    try {
      KafkaErrors.await(future, connection, what + " topics");
      return null;
    } catch (dev.blueprint.targets.TargetException e) {
      Throwable root = KafkaErrors.root(e);
      if (root instanceof org.apache.kafka.common.errors.TimeoutException
          || root instanceof java.util.concurrent.TimeoutException
          || root instanceof ExecutionException) {
        throw e;
      }
      return KafkaErrors.message(root);
    }
  }

  static NewTopic newTopic(TopicSpec spec) {
    return new NewTopic(spec.name(), spec.partitions(), (short) spec.replicationFactor())
        .configs(spec.configs());
  }

  /** Kafka folds '.' into '_' in metric names, so two names equal after folding collide. */
  static String fold(String name) {
    return name.replace('.', '_');
  }
}
