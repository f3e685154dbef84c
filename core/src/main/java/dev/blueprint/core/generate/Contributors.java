package dev.blueprint.core.generate;

import java.util.ArrayList;
import java.util.List;

/** The standard set of output concerns, in the order they run. */
public final class Contributors {
  private Contributors() {}

  /** Every contributor of a full generation. */
  public static List<Contributor> standard() {
    List<Contributor> all = new ArrayList<>();
    // one line per output concern
    all.add(new dev.blueprint.core.generate.airflow.AirflowDags());
    all.add(new dev.blueprint.core.generate.kafka.KafkaTopics());
    all.add(new dev.blueprint.core.generate.aws.CloudFormation());
    all.add(new dev.blueprint.core.generate.storage.StorageLayoutContributor());
    all.add(new dev.blueprint.core.generate.storage.SchemaContributor());
    all.add(new dev.blueprint.core.generate.storage.DdlContributor());
    all.add(new dev.blueprint.core.generate.docs.DecisionRecordsContributor());
    all.add(new dev.blueprint.core.generate.docs.ArchitectureContributor());
    all.add(new dev.blueprint.core.generate.docs.RepositoryReadmeContributor());
    all.add(new dev.blueprint.core.generate.airflow.TaskStubs());
    return List.copyOf(all);
  }
}
