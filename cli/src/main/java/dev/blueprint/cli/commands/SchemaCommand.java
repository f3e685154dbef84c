package dev.blueprint.cli.commands;

import dev.blueprint.core.schema.SchemaGenerator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code blueprint schema}: prints the JSON Schema of the file format. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the JSON Schema (draft 2020-12) of requirements and blueprint files, generated from"
          + " the model, so that editors complete and check them. The same schema is committed as"
          + " schema/blueprint.schema.json.",
    },
    footerHeading = "%nExample (VS Code with the YAML extension, first line of a file):%n",
    footer = {"  # yaml-language-server: $schema=../../schema/blueprint.schema.json"})
public final class SchemaCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(SchemaGenerator.schemaText());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
