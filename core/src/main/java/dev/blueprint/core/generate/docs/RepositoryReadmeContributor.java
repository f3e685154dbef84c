package dev.blueprint.core.generate.docs;

import dev.blueprint.core.generate.Contributor;
import dev.blueprint.core.generate.GenerationContext;
import dev.blueprint.core.generate.airflow.SparkAvro;
import dev.blueprint.core.generate.storage.StorageLayout;
import dev.blueprint.core.problem.ProblemException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the generated repository's README.md (what it is, what is where, how to deploy each part)
 * and its Makefile (the same steps as targets).
 */
public final class RepositoryReadmeContributor implements Contributor {

  @Override
  public String name() {
    return "repository-readme";
  }

  @Override
  public void contribute(GenerationContext context) throws IOException, ProblemException {
    DeployPlan plan = DeployPlan.of(context.blueprint(), context.options());
    Map<String, Object> model = new HashMap<>();
    model.put("plan", plan);
    model.put("awsStacks", dev.blueprint.core.generate.aws.AwsStacks.of(context.blueprint()));
    java.util.List<String> clients =
        plan.ddl().stream()
            .map(c -> "`" + c.shell().substring(0, c.shell().indexOf(' ')) + "`")
            .distinct()
            .toList();
    model.put("clientsText", andJoin(clients));
    model.put("sparkVersionVariable", SparkAvro.SPARK_VERSION_VARIABLE);
    model.put("scalaVersionVariable", SparkAvro.SCALA_VERSION_VARIABLE);
    model.put("defaultScalaVersion", SparkAvro.DEFAULT_SCALA_VERSION);
    model.put("stubText", andJoin(plan.stubFolders().stream().map(f -> "`" + f + "`").toList()));
    model.put("stores", plan.ddl().stream().map(c -> c.store()).distinct().toList());
    model.put(
        "hasSchemas",
        context.blueprint().architectureOrEmpty().datasets().stream()
            .anyMatch(d -> !StorageLayout.schemaFiles(d, context.blueprint()).isEmpty()));
    context.render("repo/README.md.ftl", "repository README", model, "README.md");
    context.render("repo/Makefile.ftl", "Makefile", model, "Makefile");
  }

  /** "a", "a and b", "a, b and c". */
  static String andJoin(java.util.List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }
}
