package dev.blueprint.core.review;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.review.rules.AnalyticsFormatRule;
import dev.blueprint.core.review.rules.AvailabilityRule;
import dev.blueprint.core.review.rules.CacheAsRecordRule;
import dev.blueprint.core.review.rules.LocalStateRule;
import dev.blueprint.core.review.rules.MissingTradeOffRule;
import dev.blueprint.core.review.rules.NoRetentionFallbackRule;
import dev.blueprint.core.review.rules.ReadLatencyRule;
import dev.blueprint.core.review.rules.RetentionBelowOutageRule;
import dev.blueprint.core.review.rules.SharedDatabaseRule;
import dev.blueprint.core.review.rules.SharedWriterRule;
import dev.blueprint.core.review.rules.SingleInstanceStoreRule;
import dev.blueprint.core.review.rules.StreamReplicationRule;
import dev.blueprint.core.review.rules.ThroughputRule;
import dev.blueprint.core.review.rules.UndersizedKafkaTopicRule;
import dev.blueprint.core.review.rules.UnmetRequirementRule;
import dev.blueprint.core.review.rules.UntracedRequirementRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reviews a blueprint against the architecture principles: no single point of failure, isolated
 * services, stateless processing, recorded trade-offs, and requirements that are met.
 */
public final class Reviewer {

  private static final List<ReviewRule> RULES =
      List.of(
          new StreamReplicationRule(),
          new SingleInstanceStoreRule(),
          new NoRetentionFallbackRule(),
          new RetentionBelowOutageRule(),
          new CacheAsRecordRule(),
          new SharedWriterRule(),
          new SharedDatabaseRule(),
          new LocalStateRule(),
          new MissingTradeOffRule(),
          new AnalyticsFormatRule(),
          new UnmetRequirementRule(),
          new ReadLatencyRule(),
          new AvailabilityRule(),
          new ThroughputRule(),
          new UndersizedKafkaTopicRule(),
          new UntracedRequirementRule());

  private Reviewer() {}

  /** Every rule, in the order the review runs them. */
  public static List<ReviewRule> rules() {
    return RULES;
  }

  /** All findings, worst first; within a severity, in rule order, then in blueprint order. */
  public static List<Finding> review(Blueprint blueprint) {
    List<Finding> all = new ArrayList<>();
    for (ReviewRule r : RULES) {
      all.addAll(r.check(blueprint));
    }
    all.sort(Comparator.comparing(Finding::severity)); // stable: keeps rule and element order
    return List.copyOf(all);
  }

  /** True when any finding is at or above {@code threshold}. */
  public static boolean failsAt(List<Finding> findings, Risk threshold) {
    return findings.stream().anyMatch(f -> f.severity().isAtLeast(threshold));
  }
}
