package dev.blueprint.cli.commands;

import dev.blueprint.cli.Cli;
import dev.blueprint.cli.UserException;
import dev.blueprint.core.load.BlueprintMapper;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.synth.SyntheticBlueprints;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code blueprint synth --pipelines N -o FILE}: writes a valid synthetic blueprint of any size for
 * benchmarks and scale tests. Hidden from the command list because consultants have no use for it;
 * documented in BENCHMARKS.md and in its own {@code --help}.
 */
@Command(
    name = "synth",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = {
      "Writes a valid synthetic blueprint for benchmarks: N pipelines, each with two Kafka streams"
          + " and two datasets. The same N and seed always give the same file.",
      "Files over 4 MiB load only with -D"
          + BlueprintMapper.MAX_DOCUMENT_BYTES_PROPERTY
          + "=BYTES in BLUEPRINT_JAVA_OPTS."
    })
public final class SynthCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--pipelines",
      required = true,
      paramLabel = "N",
      description = "Number of pipelines (1 to 999999).")
  int pipelines;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "The file to write; its folder is created.")
  Path output;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the random choices (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--format",
      defaultValue = "yaml",
      description = "yaml (a blueprint file) or json (the same model, e.g. as a template context).")
  String format;

  @Override
  public Integer call() {
    boolean json =
        switch (format) {
          case "yaml" -> false;
          case "json" -> true;
          default ->
              throw new UserException(
                  "--format must be yaml or json, not '" + format + "'", Cli.USAGE);
        };
    Blueprint blueprint;
    try {
      blueprint = SyntheticBlueprints.make(pipelines, seed);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), Cli.USAGE);
    }
    try {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (Writer out =
          new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), 1 << 16)) {
        if (!json) {
          out.write(
              "# A synthetic blueprint of "
                  + pipelines
                  + " pipelines (seed "
                  + seed
                  + "), written by `blueprint synth` for benchmarks.\n");
        }
        (json ? BlueprintMapper.json() : BlueprintMapper.yaml()).writeValue(out, blueprint);
      }
      long size = Files.size(output);
      spec.commandLine()
          .getOut()
          .printf(
              "%s: %d pipelines, %d streams, %d datasets, %d bytes%n",
              output,
              blueprint.architecture().pipelines().size(),
              blueprint.architecture().streams().size(),
              blueprint.architecture().datasets().size(),
              size);
      return Cli.OK;
    } catch (IOException e) {
      throw new UserException("cannot write " + output + ": " + e.getMessage());
    }
  }
}
