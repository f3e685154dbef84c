package dev.blueprint.core.generate.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import dev.blueprint.core.generate.GenerationContext;
import dev.blueprint.core.generate.GeneratorOptions;
import dev.blueprint.core.generate.Naming;
import dev.blueprint.core.generate.OutputTree;
import dev.blueprint.core.generate.Templates;
import dev.blueprint.core.kafka.TopicPlanFile;
import dev.blueprint.core.kafka.TopicSpec;
import dev.blueprint.core.kafka.TopicSpecs;
import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.testing.Examples;
import dev.blueprint.core.testing.KafkaChecks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka contributor alone: Strimzi resources, topic plan and script agree with TopicSpecs. */
class KafkaTopicsTest {

  static Path render(Blueprint b, GeneratorOptions o, Path dir) throws Exception {
    OutputTree out = new OutputTree(dir);
    new KafkaTopics().contribute(new GenerationContext(b, o, Templates.packaged(), out));
    return dir;
  }

  @Test
  void strimziResourcesMatchTheCrdSchemaAndTheTopicSpecs(@TempDir Path dir) throws Exception {
    Blueprint b = Examples.clickstream();
    render(b, GeneratorOptions.defaults("test"), dir);
    KafkaChecks.checkResources(b, dir, GeneratorOptions.STRIMZI_V1);
  }

  @Test
  void v1beta2IsAnOption(@TempDir Path dir) throws Exception {
    Blueprint b = Examples.clickstream();
    render(
        b,
        GeneratorOptions.defaults("test").withStrimziApiVersion(GeneratorOptions.STRIMZI_V1BETA2),
        dir);
    KafkaChecks.checkResources(b, dir, GeneratorOptions.STRIMZI_V1BETA2);
  }

  @Test
  void theSchemaCheckCatchesABadResource() throws Exception {
    String bad =
        "apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata: {name: x}\n"
            + "spec: {partitions: 0, replicas: 3}\n";
    assertFalse(KafkaChecks.strimziSchema().validate(bad, InputFormat.YAML).isEmpty());
  }

  @Test
  void topicNamesThatAreNotKubernetesNamesGetTopicName(@TempDir Path dir) throws Exception {
    Blueprint b = withStreams(Examples.clickstream(), List.of("Orders_V1", "orders-v1"));
    render(b, GeneratorOptions.defaults("test"), dir);
    KafkaChecks.checkResources(b, dir, GeneratorOptions.STRIMZI_V1);
    String odd =
        Files.readString(dir.resolve("kafka/topics/" + Naming.k8sName("Orders_V1") + ".yaml"));
    assertTrue(odd.contains("topicName: Orders_V1"), odd);
  }

  @Test
  void theTopicPlanReadsBackAsTheTopicSpecs(@TempDir Path dir) throws Exception {
    Blueprint b = withStreams(Examples.clickstream(), List.of("Orders_V1", "a.b"));
    render(b, GeneratorOptions.defaults("test"), dir);
    List<TopicSpec> expected = new ArrayList<>(TopicSpecs.of(b));
    expected.sort(Comparator.comparing(TopicSpec::name));
    assertEquals(expected, TopicPlanFile.read(dir.resolve(KafkaTopics.PLAN_FILE)));
  }

  @Test
  void theScriptPassesEveryValueToKafkaTopicsUnchanged(@TempDir Path dir) throws Exception {
    Blueprint b = withStreams(Examples.clickstream(), List.of("Orders_V1"));
    render(b, GeneratorOptions.defaults("test"), dir);
    Path script = dir.resolve(KafkaTopics.SCRIPT_FILE);
    assertTrue(Files.getPosixFilePermissions(script).contains(PosixFilePermission.OWNER_EXECUTE));
    Path fake = dir.resolve("fake-kafka-topics.sh");
    Path log = dir.resolve("calls");
    Files.writeString(
        fake, "#!/usr/bin/env bash\nprintf '%s\\0' \"$@\" >> \"$LOG\"\nprintf '\\n' >> \"$LOG\"\n");
    fake.toFile().setExecutable(true);
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString());
    pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    pb.environment().put("KAFKA_TOPICS_CMD", fake.toString());
    pb.environment().put("LOG", log.toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
    List<String> calls = List.of(Files.readString(log).split("\n"));
    List<TopicSpec> specs = new ArrayList<>(TopicSpecs.of(b));
    specs.sort(Comparator.comparing(TopicSpec::name));
    assertEquals(specs.size(), calls.size());
    for (int i = 0; i < specs.size(); i++) {
      TopicSpec s = specs.get(i);
      List<String> expected =
          new ArrayList<>(
              List.of(
                  "--bootstrap-server",
                  "127.0.0.1:9092",
                  "--create",
                  "--if-not-exists",
                  "--topic",
                  s.name(),
                  "--partitions",
                  Integer.toString(s.partitions()),
                  "--replication-factor",
                  Integer.toString(s.replicationFactor())));
      s.configs().forEach((k, v) -> expected.addAll(List.of("--config", k + "=" + v)));
      assertEquals(expected, List.of(calls.get(i).split("\0")));
    }
    ProcessBuilder missing = new ProcessBuilder("bash", script.toString());
    missing.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
    missing.redirectErrorStream(true);
    Process m = missing.start();
    String said = new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, m.waitFor());
    assertTrue(said.contains("set KAFKA_BOOTSTRAP_SERVERS"), said);
  }

  /** The blueprint with extra Kafka streams of these names. */
  static Blueprint withStreams(Blueprint b, List<String> names) {
    Architecture a = b.architectureOrEmpty();
    List<Stream> streams = new ArrayList<>(a.streams());
    for (String n : names) {
      streams.add(
          new Stream(
              n,
              null,
              "Stream " + n + ": \"quoted\" & {{ not jinja }}",
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              List.of(),
              List.of(),
              Map.of("max.message.bytes", "1048588")));
    }
    return b.withArchitecture(
        new Architecture(a.datasets(), streams, a.pipelines(), a.caches(), a.decisions()));
  }
}
