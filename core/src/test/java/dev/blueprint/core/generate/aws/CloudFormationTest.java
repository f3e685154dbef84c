package dev.blueprint.core.generate.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.blueprint.core.generate.Generator;
import dev.blueprint.core.generate.GeneratorOptions;
import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.load.LoadedBlueprint;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.testing.Examples;
import dev.blueprint.core.testing.Trees;
import dev.blueprint.core.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CloudFormation of the synthetic AWS blueprints (core/src/test/resources/aws/) as generated:
 * shard counts, retention, encryption, a rule and queue per bus consumer, the archive only with
 * replay, IAM actions per producer and consumer, and the README's and Makefile's deploy commands.
 * cfn-lint checks the same templates in {@link CfnLintTest}.
 */
class CloudFormationTest {

  private static final GeneratorOptions OPTIONS = GeneratorOptions.defaults("test");
  private static final YAMLMapper YAML = new YAMLMapper();

  static final List<String> KINESIS_READ =
      List.of(
          "kinesis:DescribeStream",
          "kinesis:DescribeStreamSummary",
          "kinesis:GetRecords",
          "kinesis:GetShardIterator",
          "kinesis:ListShards");

  /** The YAML text of a synthetic blueprint of core/src/test/resources/aws/. */
  static String text(String name) throws IOException {
    try (InputStream in = CloudFormationTest.class.getResourceAsStream("/aws/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A synthetic blueprint, loaded and validated like `blueprint generate` does. */
  static Blueprint load(String name) throws Exception {
    byte[] bytes = text(name).getBytes(StandardCharsets.UTF_8);
    LoadedBlueprint loaded = Validator.loadValid(name, bytes);
    return loaded.blueprint();
  }

  /** The generated repository of a synthetic blueprint, path to content. */
  static Map<String, String> generate(String name, Path dir) throws Exception {
    Path out = dir.resolve("repo");
    Generator.standard().generate(load(name), out, OPTIONS);
    return Trees.read(out);
  }

  private static Map<String, String> awsFiles(Map<String, String> tree) {
    Map<String, String> out = new TreeMap<>();
    tree.forEach(
        (k, v) -> {
          if (k.startsWith("aws/")) {
            out.put(k, v);
          }
        });
    return out;
  }

  /** The actions of a managed policy's only statement, as a list. */
  private static List<String> actions(JsonNode resources, String policy) {
    JsonNode statements = resources.path(policy).path("Properties").path("PolicyDocument");
    assertEquals(1, statements.path("Statement").size(), policy + ": one statement");
    JsonNode action = statements.path("Statement").get(0).path("Action");
    List<String> out = new ArrayList<>();
    if (action.isArray()) {
      action.forEach(a -> out.add(a.asText()));
    } else {
      out.add(action.asText());
    }
    return out;
  }

  private static List<String> resourcesOfType(JsonNode resources, String type) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : resources.properties()) {
      if (e.getValue().path("Type").asText().equals(type)) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  @Test
  void aKinesisStreamHasTheBlueprintsShardsAndRetentionEncryptedWithLeastPrivilegeIam(
      @TempDir Path dir) throws Exception {
    Map<String, String> tree = generate("kinesis-only.yaml", dir);
    assertEquals(
        List.of(
            "aws/kinesis/shop-orders-clicks-on-demand-v1.yaml",
            "aws/kinesis/shop-orders-orders-placed-v1.yaml"),
        List.copyOf(awsFiles(tree).keySet()));
    String text = tree.get("aws/kinesis/shop-orders-orders-placed-v1.yaml");
    JsonNode r = YAML.readTree(text).path("Resources");
    JsonNode stream = r.path("Stream").path("Properties");
    assertEquals("orders.placed.v1", stream.path("Name").asText());
    assertEquals(3, stream.path("ShardCount").asInt());
    assertEquals("PROVISIONED", stream.path("StreamModeDetails").path("StreamMode").asText());
    assertEquals(36, stream.path("RetentionPeriodHours").asInt(), "36h stays 36 hours");
    assertEquals("KMS", stream.path("StreamEncryption").path("EncryptionType").asText());
    assertEquals("alias/aws/kinesis", stream.path("StreamEncryption").path("KeyId").asText());
    assertEquals("Retain", r.path("Stream").path("DeletionPolicy").asText());
    // one policy for the producer, one for each consumer, even for ids that differ only by '-'/'_'
    assertEquals(
        List.of("ProducerCheckoutPolicy", "ConsumerFraudCheckPolicy", "ConsumerFraudCheck2Policy"),
        resourcesOfType(r, "AWS::IAM::ManagedPolicy"));
    assertEquals(
        List.of("kinesis:PutRecord", "kinesis:PutRecords"), actions(r, "ProducerCheckoutPolicy"));
    assertEquals(KINESIS_READ, actions(r, "ConsumerFraudCheckPolicy"));
    assertEquals(KINESIS_READ, actions(r, "ConsumerFraudCheck2Policy"));
    // every statement names this stream's ARN, never a wildcard
    assertFalse(text.contains("\"*\"") || text.contains(": '*'") || text.contains("- '*'"), text);
    assertEquals(3, text.split("Resource: !GetAtt Stream.Arn", -1).length - 1, text);
    assertTrue(text.contains("Lets consumer fraud_check read"), "the policy says whose it is");

    JsonNode onDemand =
        YAML.readTree(tree.get("aws/kinesis/shop-orders-clicks-on-demand-v1.yaml"))
            .path("Resources")
            .path("Stream")
            .path("Properties");
    assertEquals("ON_DEMAND", onDemand.path("StreamModeDetails").path("StreamMode").asText());
    assertTrue(onDemand.path("ShardCount").isMissingNode(), "no shard count in on-demand mode");
    assertEquals(24, onDemand.path("RetentionPeriodHours").asInt(), "Kinesis's default, written");
  }

  @Test
  void anEventBusHasARuleQueueAndPolicyPerConsumerADeadLetterQueueAndNoArchiveWithoutReplay(
      @TempDir Path dir) throws Exception {
    Map<String, String> tree = generate("event-bus.yaml", dir);
    assertEquals(
        List.of("aws/event-bus/claims-claims-events-v1.yaml"),
        List.copyOf(awsFiles(tree).keySet()));
    String text = tree.get("aws/event-bus/claims-claims-events-v1.yaml");
    JsonNode r = YAML.readTree(text).path("Resources");
    assertEquals("claims.events.v1", r.path("Bus").path("Properties").path("Name").asText());
    List<String> consumers = List.of("Adjusters", "Notifications", "Ledger");
    assertEquals(
        consumers.stream().map(c -> "Consumer" + c + "Rule").toList(),
        resourcesOfType(r, "AWS::Events::Rule"));
    for (String c : consumers) {
      JsonNode rule = r.path("Consumer" + c + "Rule").path("Properties");
      assertEquals("Bus", rule.path("EventBusName").asText());
      assertEquals(
          List.of("claims-service", "payments-service"),
          YAML.convertValue(rule.path("EventPattern").path("source"), List.class),
          "the rule matches the bus's producers");
      assertEquals(1, rule.path("Targets").size(), c + ": one target");
      JsonNode target = rule.path("Targets").get(0);
      assertEquals("Consumer" + c + "Queue.Arn", target.path("Arn").asText());
      assertEquals("DeadLetterQueue.Arn", target.path("DeadLetterConfig").path("Arn").asText());
      assertEquals(
          List.of(
              "sqs:ChangeMessageVisibility",
              "sqs:DeleteMessage",
              "sqs:GetQueueAttributes",
              "sqs:ReceiveMessage"),
          actions(r, "Consumer" + c + "Policy"));
      JsonNode queue = r.path("Consumer" + c + "Queue").path("Properties");
      assertEquals(1209600, queue.path("MessageRetentionPeriod").asInt());
      assertTrue(queue.path("SqsManagedSseEnabled").asBoolean(), "queues are encrypted");
    }
    // the dead-letter queue accepts messages from exactly these rules
    assertEquals(
        List.of("AWS::SQS::Queue"), List.of(r.path("DeadLetterQueue").path("Type").asText()));
    JsonNode dlq =
        r.path("DeadLetterQueuePolicy").path("Properties").path("PolicyDocument").path("Statement");
    assertEquals("events.amazonaws.com", dlq.get(0).path("Principal").path("Service").asText());
    assertEquals(
        consumers.stream().map(c -> "Consumer" + c + "Rule.Arn").toList(),
        YAML.convertValue(
            dlq.get(0).path("Condition").path("ArnEquals").path("aws:SourceArn"), List.class));
    assertEquals(4, resourcesOfType(r, "AWS::SQS::QueuePolicy").size(), "DLQ and three queues");
    // each producer may put events on this bus, with its own id as source only
    for (String p : List.of("claims-service", "payments-service")) {
      String policy = "Producer" + AwsStacks.pascal(p) + "Policy";
      assertEquals(List.of("events:PutEvents"), actions(r, policy));
      JsonNode statement =
          r.path(policy).path("Properties").path("PolicyDocument").path("Statement").get(0);
      assertEquals("Bus.Arn", statement.path("Resource").asText());
      assertEquals(
          p, statement.path("Condition").path("StringEquals").path("events:source").asText());
    }
    assertEquals(List.of(), resourcesOfType(r, "AWS::Events::Archive"), "no replay, no archive");
    assertFalse(tree.get("README.md").contains("An archive keeps"));
  }

  @Test
  void anEventBusGetsAnArchiveForTheLongestReplayRoundedUpToDays(@TempDir Path dir)
      throws Exception {
    Map<String, String> tree = generate("event-bus-replay.yaml", dir);
    JsonNode r =
        YAML.readTree(tree.get("aws/event-bus/claims-claims-events-v1.yaml")).path("Resources");
    assertEquals(List.of("Archive"), resourcesOfType(r, "AWS::Events::Archive"));
    assertEquals("Bus.Arn", r.path("Archive").path("Properties").path("SourceArn").asText());
    assertEquals(2, r.path("Archive").path("Properties").path("RetentionDays").asInt(), "36h");
    assertTrue(
        tree.get("README.md")
            .contains("An archive keeps the events of `claims.events.v1` (2 days)"),
        tree.get("README.md"));
  }

  @Test
  void theReadmeAndMakefileDeployEveryStackInOrderBeforeStorage(@TempDir Path dir)
      throws Exception {
    Map<String, String> tree = generate("kinesis-only.yaml", dir);
    String readme = tree.get("README.md");
    String makefile = tree.get("Makefile");
    for (String stack :
        List.of("shop-orders-clicks-on-demand-v1", "shop-orders-orders-placed-v1")) {
      String command =
          "aws cloudformation deploy --template-file aws/kinesis/"
              + stack
              + ".yaml --stack-name "
              + stack
              + " --capabilities CAPABILITY_IAM --no-fail-on-empty-changeset";
      assertTrue(readme.contains("\n" + command + "\n"), readme);
      assertTrue(makefile.contains("\n\t" + command + "\n"), makefile);
    }
    assertTrue(readme.indexOf("### 1. AWS streams") < readme.indexOf("### 2. Storage"), readme);
    assertTrue(makefile.contains("\ndeploy: aws storage "), makefile);
    assertTrue(readme.contains("| [`aws/`](aws/) |"), "what is where");
  }

  @Test
  void aBlueprintWithoutAwsStreamsGetsNoAwsFolder(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("repo");
    Generator.standard().generate(Examples.clickstream(), out, OPTIONS);
    Map<String, String> tree = Trees.read(out);
    assertEquals(Map.of(), awsFiles(tree));
    assertFalse(tree.get("README.md").contains("AWS streams"));
    assertFalse(tree.get("Makefile").contains("aws"));
  }

  @Test
  void aKinesisRetentionBeyond365DaysIsAValidationErrorNamingTheFieldAndGeneratesNothing(
      @TempDir Path dir) throws Exception {
    String bad = text("kinesis-only.yaml").replace("retention: 36h", "retention: 400d");
    byte[] bytes = bad.getBytes(StandardCharsets.UTF_8);
    List<Problem> problems = Validator.validate(BlueprintLoader.parse("bad.yaml", bytes));
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("BP-KINESIS-002", problems.get(0).ruleId());
    assertEquals("architecture.streams[0].retention", problems.get(0).path());
    assertTrue(problems.get(0).format().contains("bad.yaml:"), problems.get(0).format());
    assertTrue(problems.get(0).message().contains("400d"), problems.get(0).message());

    // the generator refuses it too, when called without validating first, and leaves nothing
    Blueprint b = BlueprintLoader.parse("bad.yaml", bytes).blueprint();
    Path out = dir.resolve("repo");
    ProblemException e =
        assertThrows(ProblemException.class, () -> Generator.standard().generate(b, out, OPTIONS));
    assertEquals("BP-KINESIS-002", e.problems().get(0).ruleId());
    assertEquals("architecture.streams[0].retention", e.problems().get(0).path());
    assertFalse(Files.exists(out), "nothing generated");
    try (var s = Files.list(dir)) {
      assertEquals(List.of(), s.toList(), "no staging folder left behind");
    }
  }

  @Test
  void aKinesisRetentionUnderADayIsRefusedAndHoursRoundUp() throws Exception {
    String text = text("kinesis-only.yaml");
    for (String retention : List.of("23h", "366d")) {
      Blueprint b =
          BlueprintLoader.parse("b.yaml", bytes(text, "retention: " + retention)).blueprint();
      ProblemException e = assertThrows(ProblemException.class, () -> AwsStacks.of(b));
      assertTrue(e.getMessage().contains("24h to 365d"), e.getMessage());
    }
    Blueprint max = BlueprintLoader.parse("b.yaml", bytes(text, "retention: 365d")).blueprint();
    assertEquals(8760, AwsStacks.of(max).get(1).retentionHours(), "365 days, the maximum");
    Blueprint odd = BlueprintLoader.parse("b.yaml", bytes(text, "retention: 90000s")).blueprint();
    assertEquals(25, AwsStacks.of(odd).get(1).retentionHours(), "25 h, rounded up");
  }

  private static byte[] bytes(String text, String retention) {
    return text.replace("retention: 36h", retention).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void stackNamesAndLogicalIdsAreWhatCloudFormationAccepts() {
    assertEquals(
        "shop-orders-orders-placed-v1", AwsStacks.stackName("shop-orders", "orders.placed.v1"));
    assertEquals("s-1st-a-b", AwsStacks.stackName("1st", "a__b"));
    assertEquals("FraudCheck", AwsStacks.pascal("fraud-check"));
    assertEquals("FraudCheck", AwsStacks.pascal("fraud_check"));
    assertEquals("a_b.c-d", AwsStacks.targetId("a/b.c-d"));
    assertEquals(64, AwsStacks.targetId("x".repeat(100)).length());
  }
}
