package dev.blueprint.core.generate.aws;

import dev.blueprint.core.generate.Contributor;
import dev.blueprint.core.generate.GenerationContext;
import dev.blueprint.core.problem.ProblemException;
import java.io.IOException;
import java.util.Map;

/**
 * CloudFormation for the blueprint's AWS streams, one template per {@link AwsStacks.Stack} under
 * {@code aws/}: a Kinesis data stream or an EventBridge bus with its rules, queues and archive, and
 * the least-privilege IAM policies its producers and consumers need.
 */
public final class CloudFormation implements Contributor {

  public static final String KINESIS_TEMPLATE = "aws/kinesis-stream.yaml.ftl";
  public static final String EVENT_BUS_TEMPLATE = "aws/event-bus.yaml.ftl";

  @Override
  public String name() {
    return "aws-cloudformation";
  }

  @Override
  public void contribute(GenerationContext context) throws IOException, ProblemException {
    for (AwsStacks.Stack s : AwsStacks.of(context.blueprint())) {
      context.render(
          s.isKinesis() ? KINESIS_TEMPLATE : EVENT_BUS_TEMPLATE,
          "stream " + s.stream(),
          Map.of("stack", s, "queueRetentionSeconds", AwsStacks.QUEUE_RETENTION_SECONDS),
          s.file());
    }
  }
}
