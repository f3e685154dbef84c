package dev.blueprint.targets.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprint.core.kafka.TopicSpec;
import dev.blueprint.targets.kafka.KafkaPlan.ConfigChange;
import dev.blueprint.targets.kafka.KafkaPlan.PartitionIncrease;
import dev.blueprint.targets.kafka.KafkaPlan.Refusal;
import java.io.UncheckedIOException;
import java.util.Map;

/** Renders a {@link KafkaPlan} for people (text, like a terraform plan) and for tools (JSON). */
public final class KafkaPlanFormat {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private KafkaPlanFormat() {}

  /** The plan as lines a reviewer reads: {@code +} create, {@code ~} change, {@code -} delete. */
  public static String text(KafkaPlan plan) {
    StringBuilder sb = new StringBuilder();
    sb.append("Kafka plan for ")
        .append(plan.bootstrapServers())
        .append(" (")
        .append(plan.brokers())
        .append(plan.brokers() == 1 ? " broker" : " brokers")
        .append(", owner ")
        .append(plan.owner())
        .append(")\n");
    for (Refusal r : plan.refusals()) {
      sb.append("  ! refused ").append(r.topic()).append(": ").append(r.reason()).append('\n');
    }
    for (TopicSpec t : plan.creates()) {
      sb.append("  + create ")
          .append(t.name())
          .append(" partitions=")
          .append(t.partitions())
          .append(" replication-factor=")
          .append(t.replicationFactor())
          .append('\n');
      for (Map.Entry<String, String> e : t.configs().entrySet()) {
        sb.append("      ").append(e.getKey()).append('=').append(e.getValue()).append('\n');
      }
    }
    for (PartitionIncrease p : plan.partitionIncreases()) {
      sb.append("  ~ partitions ")
          .append(p.topic())
          .append(": ")
          .append(p.from())
          .append(" -> ")
          .append(p.to())
          .append('\n');
    }
    for (ConfigChange c : plan.configChanges()) {
      sb.append("  ~ config ").append(c.topic()).append(' ').append(c.key()).append(": ");
      if (c.isRemove()) {
        sb.append(c.from()).append(" -> (broker default)\n");
      } else {
        sb.append(c.from() == null ? "(broker default)" : c.from())
            .append(" -> ")
            .append(c.to())
            .append('\n');
      }
    }
    for (String d : plan.deletes()) {
      if (plan.allowDelete()) {
        sb.append("  - delete ").append(d).append(" (created by ").append(plan.owner());
        sb.append(", no longer in the blueprint)\n");
      } else {
        sb.append("  = keep ")
            .append(d)
            .append(": created by ")
            .append(plan.owner())
            .append(" and no longer in the blueprint; --allow-delete deletes it\n");
      }
    }
    for (String t : plan.inSync()) {
      sb.append("    in sync ").append(t).append('\n');
    }
    if (plan.isRefused()) {
      sb.append("Refused: ")
          .append(plan.refusals().size())
          .append(" problem(s) above must be fixed; nothing can be applied.\n");
    } else if (plan.hasChanges()) {
      int deletes = plan.allowDelete() ? plan.deletes().size() : 0;
      sb.append("Plan: ")
          .append(plan.creates().size())
          .append(" to create, ")
          .append(plan.partitionIncreases().size() + plan.configChanges().size())
          .append(" to change, ")
          .append(deletes)
          .append(" to delete.\n");
    } else {
      sb.append("No changes: the cluster matches the blueprint.\n");
    }
    return sb.toString();
  }

  /** The plan as a JSON document with a stable shape. */
  public static String json(KafkaPlan plan) {
    ObjectNode root = JSON.createObjectNode();
    root.put("bootstrapServers", plan.bootstrapServers());
    root.put("owner", plan.owner());
    root.put("brokers", plan.brokers());
    root.put("changes", plan.hasChanges());
    root.put("refused", plan.isRefused());
    ArrayNode creates = root.putArray("creates");
    for (TopicSpec t : plan.creates()) {
      ObjectNode n = creates.addObject();
      n.put("topic", t.name());
      n.put("partitions", t.partitions());
      n.put("replicationFactor", t.replicationFactor());
      ObjectNode configs = n.putObject("configs");
      t.configs().forEach(configs::put);
    }
    ArrayNode increases = root.putArray("partitionIncreases");
    for (PartitionIncrease p : plan.partitionIncreases()) {
      increases.addObject().put("topic", p.topic()).put("from", p.from()).put("to", p.to());
    }
    ArrayNode changes = root.putArray("configChanges");
    for (ConfigChange c : plan.configChanges()) {
      ObjectNode n = changes.addObject();
      n.put("topic", c.topic()).put("key", c.key()).put("action", c.isRemove() ? "remove" : "set");
      n.put("from", c.from());
      n.put("to", c.to());
    }
    ArrayNode deletes = root.putArray("deletes");
    plan.deletes().forEach(deletes::add);
    root.put("allowDelete", plan.allowDelete());
    ArrayNode refusals = root.putArray("refusals");
    for (Refusal r : plan.refusals()) {
      refusals.addObject().put("topic", r.topic()).put("reason", r.reason());
    }
    ArrayNode inSync = root.putArray("inSync");
    plan.inSync().forEach(inSync::add);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
