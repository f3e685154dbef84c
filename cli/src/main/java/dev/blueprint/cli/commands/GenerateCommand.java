package dev.blueprint.cli.commands;

import dev.blueprint.cli.Cli;
import dev.blueprint.cli.UserException;
import dev.blueprint.cli.VersionProvider;
import dev.blueprint.core.generate.Change;
import dev.blueprint.core.generate.GenerationResult;
import dev.blueprint.core.generate.Generator;
import dev.blueprint.core.generate.GeneratorOptions;
import dev.blueprint.core.generate.Preview;
import dev.blueprint.core.load.BlueprintLoader;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code blueprint generate BLUEPRINT -o DIR}: renders a blueprint into a repository. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Renders an approved blueprint into a repository a data team can clone: Airflow DAGs, Kafka"
          + " topics (Strimzi resources, topic plan, create script), storage layouts, schemas and"
          + " DDL, decision records, an architecture diagram and a README.",
      "The output is written atomically: on any error the target folder is left as it was. A"
          + " non-empty folder that blueprint did not generate is refused."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  blueprint generate examples/clickstream-analytics/blueprint.yaml -o ../clickstream",
      "  blueprint generate blueprint.yaml -o ../clickstream --dry-run",
      "  blueprint generate blueprint.yaml -o ../clickstream --diff | less"
    })
public final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BLUEPRINT", description = "The blueprint file.")
  Path blueprintFile;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description = "The repository folder to create or regenerate.")
  Path output;

  @Option(
      names = "--airflow",
      paramLabel = "2|3",
      defaultValue = "3",
      description = "Airflow major version of the DAGs (default: ${DEFAULT-VALUE}).")
  int airflow;

  @Option(
      names = "--strimzi-api",
      paramLabel = "v1|v1beta2",
      defaultValue = "v1",
      description = "API version of the KafkaTopic resources (default: ${DEFAULT-VALUE}).")
  String strimziApi;

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description = "A folder of templates that override the packaged ones, file by file.")
  Path templates;

  @Option(
      names = "--dry-run",
      description = "List the files that would be added, changed and removed; write nothing.")
  boolean dryRun;

  @Option(
      names = "--diff",
      description = "Print a unified diff against the existing folder; write nothing.")
  boolean diff;

  @Option(names = "--verbose", description = "List every file, and print stack traces.")
  boolean verbose;

  @Override
  public Integer call() throws IOException, ProblemException {
    GeneratorOptions options = options();
    // the files render into the staging folder while the blueprint is validated on a thread of its
    // own; the target is replaced only when the validation passed (the generator's gate), else it
    // stays as it was and the errors are reported as a validation before rendering reports them
    Validator.Pending validation =
        Validator.validateInBackground(BlueprintLoader.load(blueprintFile));
    Blueprint blueprint = validation.blueprint();
    if (!blueprint.isBlueprint()) {
      validation.await();
      throw new UserException(
          blueprintFile
              + " is a requirements document: it has no architecture yet, so there is nothing to"
              + " generate. Fill in its 'architecture:' section (by hand or with the advisor) and"
              + " run generate on that blueprint.",
          Cli.FAILED);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Generator generator = Generator.standard();
    if (dryRun || diff) {
      validation.await();
      Preview preview = generator.preview(blueprint, output, options);
      if (diff) {
        out.print(preview.unifiedDiff());
      } else {
        for (Change c : preview.changes()) {
          if (c.kind() != Change.Kind.UNCHANGED || verbose) {
            out.println(label(c.kind()) + " " + c.path());
          }
        }
      }
      out.flush();
      err.println(summary(preview) + " (nothing written)");
      return Cli.OK;
    }
    // progress is printed once the validation passed, so that an invalid blueprint prints its
    // errors only, as before
    HeldLines progress = new HeldLines(err, validation::passed);
    progress.println(
        "generating "
            + blueprintFile
            + " into "
            + output
            + " (Airflow "
            + options.airflowVersion()
            + ", "
            + options.strimziApiVersion()
            + ")");
    GenerationResult result =
        generator.generate(
            blueprint,
            output,
            options,
            (contributor, files) ->
                progress.println(
                    "  " + contributor + ": " + files + (files == 1 ? " file" : " files")),
            new Generator.Gate() {
              @Override
              public void await() throws ProblemException {
                validation.await();
              }

              @Override
              public boolean closed() {
                return validation.failed();
              }
            });
    progress.release();
    if (verbose) {
      result.files().forEach(out::println);
    }
    Map<String, Integer> byFolder = new TreeMap<>();
    for (String f : result.files()) {
      int slash = f.indexOf('/');
      byFolder.merge(slash < 0 ? "." : f.substring(0, slash), 1, Integer::sum);
    }
    StringBuilder folders = new StringBuilder();
    byFolder.forEach(
        (k, v) -> folders.append(folders.length() == 0 ? "" : ", ").append(k + "/ " + v));
    out.println(
        "generated "
            + result.files().size()
            + " files in "
            + result.target()
            + " ("
            + folders
            + ")");
    return Cli.OK;
  }

  private GeneratorOptions options() {
    String api =
        switch (strimziApi) {
          case "v1", GeneratorOptions.STRIMZI_V1 -> GeneratorOptions.STRIMZI_V1;
          case "v1beta2", GeneratorOptions.STRIMZI_V1BETA2 -> GeneratorOptions.STRIMZI_V1BETA2;
          default ->
              throw new UserException(
                  "--strimzi-api must be v1 or v1beta2, not '" + strimziApi + "'", Cli.USAGE);
        };
    if (airflow != 2 && airflow != 3) {
      throw new UserException("--airflow must be 2 or 3, not " + airflow, Cli.USAGE);
    }
    if (templates != null && !Files.isDirectory(templates)) {
      throw new UserException("--templates " + templates + " is not a folder", Cli.USAGE);
    }
    return GeneratorOptions.defaults(VersionProvider.version())
        .withAirflowVersion(airflow)
        .withStrimziApiVersion(api)
        .withTemplatesDir(templates);
  }

  private static String label(Change.Kind kind) {
    return switch (kind) {
      case ADDED -> "add    ";
      case CHANGED -> "change ";
      case REMOVED -> "remove ";
      case UNCHANGED -> "same   ";
    };
  }

  private static String summary(Preview p) {
    return p.of(Change.Kind.ADDED).size()
        + " to add, "
        + p.of(Change.Kind.CHANGED).size()
        + " to change, "
        + p.of(Change.Kind.REMOVED).size()
        + " to remove, "
        + p.of(Change.Kind.UNCHANGED).size()
        + " unchanged";
  }
}
