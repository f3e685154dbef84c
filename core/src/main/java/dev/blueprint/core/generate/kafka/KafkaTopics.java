package dev.blueprint.core.generate.kafka;

import dev.blueprint.core.generate.Contributor;
import dev.blueprint.core.generate.GenerationContext;
import dev.blueprint.core.generate.Naming;
import dev.blueprint.core.kafka.TopicSpec;
import dev.blueprint.core.kafka.TopicSpecs;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.problem.ProblemException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kafka topics of the blueprint, all from {@link TopicSpecs} so that they agree with {@code
 * blueprint kafka plan|apply}: a Strimzi KafkaTopic per topic ({@code kafka/topics/<name>.yaml}),
 * the machine-readable {@code kafka/topic-plan.json}, and {@code kafka/create-topics.sh}.
 */
public final class KafkaTopics implements Contributor {

  public static final String RESOURCE_TEMPLATE = "kafka/kafka-topic.yaml.ftl";
  public static final String PLAN_TEMPLATE = "kafka/topic-plan.json.ftl";
  public static final String SCRIPT_TEMPLATE = "kafka/create-topics.sh.ftl";

  /** The topic plan's path in the generated repository. */
  public static final String PLAN_FILE = "kafka/topic-plan.json";

  /** The script's path in the generated repository. */
  public static final String SCRIPT_FILE = "kafka/create-topics.sh";

  @Override
  public String name() {
    return "kafka-topics";
  }

  @Override
  public void contribute(GenerationContext context) throws IOException, ProblemException {
    List<TopicSpec> specs = new ArrayList<>(TopicSpecs.of(context.blueprint()));
    if (specs.isEmpty()) {
      return;
    }
    specs.sort(Comparator.comparing(TopicSpec::name));
    List<Map<String, Object>> topics = new ArrayList<>();
    for (TopicSpec spec : specs) {
      Map<String, Object> t = topic(spec, context);
      topics.add(t);
      context.render(
          RESOURCE_TEMPLATE,
          "stream " + spec.name(),
          Map.of("topic", t),
          "kafka/topics/" + t.get("k8sName") + ".yaml");
    }
    context.render(PLAN_TEMPLATE, "kafka topic plan", Map.of("topics", topics), PLAN_FILE);
    context.render(SCRIPT_TEMPLATE, "kafka topic script", Map.of("topics", topics), SCRIPT_FILE);
    context.out().makeExecutable(SCRIPT_FILE);
  }

  private static Map<String, Object> topic(TopicSpec spec, GenerationContext context) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("name", spec.name());
    t.put("k8sName", Naming.k8sName(spec.name()));
    t.put("needsTopicName", Naming.needsTopicName(spec.name()));
    t.put("partitions", spec.partitions());
    t.put("replicationFactor", spec.replicationFactor());
    List<Map<String, String>> configs = new ArrayList<>();
    spec.configs().forEach((k, v) -> configs.add(Map.of("key", k, "value", v)));
    t.put("configs", configs);
    Stream stream = context.blueprint().architectureOrEmpty().stream(spec.name()).orElse(null);
    t.put("description", stream == null ? null : stream.description());
    return t;
  }
}
