package dev.blueprint.targets.kafka;

import dev.blueprint.core.kafka.TopicSpec;
import dev.blueprint.targets.TargetException;
import dev.blueprint.targets.kafka.KafkaPlan.ConfigChange;
import dev.blueprint.targets.kafka.KafkaPlan.PartitionIncrease;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Applies a {@link KafkaPlan} exactly: creates, partition increases, config changes, and deletes
 * only when the plan allows them and the topic carries this owner's {@link ManagedTopics} marker.
 * Re-planning after an apply gives an empty plan; after a failure part-way, {@link
 * KafkaApplyException} lists what took effect, and applying a fresh plan converges.
 */
public final class KafkaApplier {

  private final KafkaConnection connection;
  private final ManagedTopics managed;

  public KafkaApplier(KafkaConnection connection) {
    this.connection = connection;
    this.managed = new ManagedTopics(connection);
  }

  /**
   * Applies {@code plan}; throws {@link TargetException} without touching anything if the plan has
   * refusals, and {@link KafkaApplyException} (with what was applied) if a step fails.
   */
  public KafkaApplyResult apply(KafkaPlan plan) {
    if (plan.isRefused()) {
      throw new TargetException(
          "the plan for "
              + plan.bootstrapServers()
              + " refuses "
              + plan.refusals().stream()
                  .map(r -> r.topic() + ": " + r.reason())
                  .collect(Collectors.joining("; "))
              + "; nothing was applied");
    }
    Progress progress = new Progress();
    Admin admin = connection.admin();
    try {
      create(admin, plan, progress);
      increasePartitions(admin, plan.partitionIncreases(), progress);
      changeConfigs(admin, plan.configChanges(), progress);
      if (plan.allowDelete() && !plan.deletes().isEmpty()) {
        deleteManaged(admin, plan.deletes(), plan.owner(), progress);
      }
    } catch (KafkaApplyException e) {
      throw e;
    } catch (TargetException e) {
      throw new KafkaApplyException(e.getMessage(), progress.result(), e);
    } finally {
      admin.close(KafkaConnection.CLOSE_TIMEOUT);
    }
    return progress.result();
  }

  /**
   * The engagement's compensation: deletes those of {@code topics} that carry {@code owner}'s
   * marker (so a topic someone else created, or that existed before, is never touched) and removes
   * their markers. Idempotent: topics already gone are skipped.
   *
   * @return the topics deleted
   */
  public List<String> deleteCreated(Collection<String> topics, String owner) {
    Progress progress = new Progress();
    Admin admin = connection.admin();
    try {
      return deleteManaged(admin, topics, owner, progress);
    } catch (KafkaApplyException e) {
      throw e;
    } catch (TargetException e) {
      throw new KafkaApplyException(e.getMessage(), progress.result(), e);
    } finally {
      admin.close(KafkaConnection.CLOSE_TIMEOUT);
    }
  }

  /**
   * Creates the plan's topics. The markers are written first, so that an undo after a crash at any
   * point finds every topic this run may have created; a marker whose topic was then not created
   * (refused, or created by someone else in the meantime) is removed again, unless it was this
   * owner's before the run. A marker without a topic is harmless: deletes skip missing topics.
   */
  private void create(Admin admin, KafkaPlan plan, Progress progress) {
    if (plan.creates().isEmpty()) {
      return;
    }
    List<String> names = plan.creates().stream().map(TopicSpec::name).toList();
    Map<String, String> ownersBefore = managed.read(admin);
    try {
      managed.mark(admin, names, plan.owner());
    } catch (TargetException e) {
      throw new KafkaApplyException(
          "could not record the topics to create as managed by "
              + plan.owner()
              + " in "
              + ManagedTopics.STATE_TOPIC
              + ", so none was created: "
              + e.getMessage(),
          progress.result(),
          e);
    }
    Map<String, KafkaFuture<Void>> results =
        admin.createTopics(plan.creates().stream().map(KafkaPlanner::newTopic).toList()).values();
    List<String> notCreated = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (TopicSpec spec : plan.creates()) {
      try {
        KafkaErrors.await(results.get(spec.name()), connection, "creating " + spec.name());
        progress.created.add(spec.name());
        progress.applied.add(
            "created topic "
                + spec.name()
                + " ("
                + spec.partitions()
                + " partitions, replication factor "
                + spec.replicationFactor()
                + ")");
      } catch (TargetException e) {
        failures.add(e.getMessage());
        Throwable root = KafkaErrors.root(e);
        boolean definitelyNotOurs =
            root instanceof org.apache.kafka.common.errors.ApiException
                && !(root instanceof org.apache.kafka.common.errors.TimeoutException);
        if (definitelyNotOurs && !plan.owner().equals(ownersBefore.get(spec.name()))) {
          notCreated.add(spec.name());
        }
      }
    }
    try {
      managed.unmark(admin, notCreated);
    } catch (TargetException e) {
      failures.add("could not remove the markers of " + notCreated + ": " + e.getMessage());
    }
    if (!failures.isEmpty()) {
      throw new KafkaApplyException(String.join("; ", failures), progress.result(), null);
    }
  }

  private void increasePartitions(
      Admin admin, List<PartitionIncrease> increases, Progress progress) {
    if (increases.isEmpty()) {
      return;
    }
    Map<String, NewPartitions> request = new LinkedHashMap<>();
    increases.forEach(p -> request.put(p.topic(), NewPartitions.increaseTo(p.to())));
    Map<String, KafkaFuture<Void>> results = admin.createPartitions(request).values();
    List<String> failures = new ArrayList<>();
    for (PartitionIncrease p : increases) {
      try {
        KafkaErrors.await(
            results.get(p.topic()), connection, "increasing the partitions of " + p.topic());
        progress.applied.add(
            "increased the partitions of " + p.topic() + " from " + p.from() + " to " + p.to());
      } catch (TargetException e) {
        failures.add(e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new KafkaApplyException(String.join("; ", failures), progress.result(), null);
    }
  }

  private void changeConfigs(Admin admin, List<ConfigChange> changes, Progress progress) {
    if (changes.isEmpty()) {
      return;
    }
    Map<ConfigResource, Collection<AlterConfigOp>> ops = new LinkedHashMap<>();
    Map<String, List<ConfigChange>> byTopic = new LinkedHashMap<>();
    for (ConfigChange c : changes) {
      ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, c.topic());
      ops.computeIfAbsent(r, k -> new ArrayList<>())
          .add(
              c.isRemove()
                  ? new AlterConfigOp(new ConfigEntry(c.key(), null), AlterConfigOp.OpType.DELETE)
                  : new AlterConfigOp(new ConfigEntry(c.key(), c.to()), AlterConfigOp.OpType.SET));
      byTopic.computeIfAbsent(c.topic(), k -> new ArrayList<>()).add(c);
    }
    Map<ConfigResource, KafkaFuture<Void>> results = admin.incrementalAlterConfigs(ops).values();
    List<String> failures = new ArrayList<>();
    for (ConfigResource r : ops.keySet()) {
      try {
        KafkaErrors.await(results.get(r), connection, "changing the configs of " + r.name());
        for (ConfigChange c : byTopic.get(r.name())) {
          progress.applied.add(
              c.isRemove()
                  ? "removed " + c.key() + " from " + c.topic()
                  : "set " + c.key() + "=" + c.to() + " on " + c.topic());
        }
      } catch (TargetException e) {
        failures.add(e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new KafkaApplyException(String.join("; ", failures), progress.result(), null);
    }
  }

  private List<String> deleteManaged(
      Admin admin, Collection<String> topics, String owner, Progress progress) {
    if (topics.isEmpty()) {
      return List.of();
    }
    Map<String, String> owners = managed.read(admin);
    Set<String> existing =
        KafkaErrors.await(admin.listTopics().names(), connection, "listing topics");
    List<String> mine = topics.stream().filter(t -> owner.equals(owners.get(t))).toList();
    List<String> toDelete = mine.stream().filter(existing::contains).toList();
    List<String> deleted = new ArrayList<>();
    if (!toDelete.isEmpty()) {
      Map<String, KafkaFuture<Void>> results = admin.deleteTopics(toDelete).topicNameValues();
      List<String> failures = new ArrayList<>();
      for (String t : toDelete) {
        try {
          KafkaErrors.await(results.get(t), connection, "deleting " + t);
          deleted.add(t);
          progress.applied.add("deleted topic " + t);
        } catch (TargetException e) {
          failures.add(e.getMessage());
        }
      }
      progress.deleted.addAll(deleted);
      managed.unmark(admin, deleted);
      if (!failures.isEmpty()) {
        throw new KafkaApplyException(String.join("; ", failures), progress.result(), null);
      }
    }
    List<String> gone = mine.stream().filter(t -> !existing.contains(t)).toList();
    managed.unmark(admin, gone);
    return deleted;
  }

  /** What has taken effect so far. */
  private static final class Progress {
    final List<String> applied = new ArrayList<>();
    final List<String> created = new ArrayList<>();
    final List<String> deleted = new ArrayList<>();

    KafkaApplyResult result() {
      return new KafkaApplyResult(applied, created, deleted);
    }
  }
}
