package dev.blueprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@link Cli#create(PrintWriter, PrintWriter, String...)} builds only the commands a command line
 * names; every command line must parse, print and exit as with the whole tree.
 */
class CommandTreeTest {

  private static final Path EXAMPLE =
      Path.of(System.getProperty("blueprint.root", ".."), "examples/clickstream-analytics");

  record Run(int exit, String out, String err) {}

  private static Run run(CommandLine cmd, StringWriter out, StringWriter err, String... args) {
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static Run whole(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    return run(Cli.create(new PrintWriter(out), new PrintWriter(err)), out, err, args);
  }

  private static Run lean(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    return run(Cli.create(new PrintWriter(out), new PrintWriter(err), args), out, err, args);
  }

  private static void assertSame(String... args) {
    Run expected = whole(args);
    assertEquals(expected, lean(args), () -> "blueprint " + String.join(" ", args));
  }

  @Test
  void aSubcommandIsBuiltAloneUnderTheTopCommand() {
    PrintWriter sink = new PrintWriter(new StringWriter());
    CommandLine cmd = Cli.create(sink, sink, "validate", "x.yaml");
    assertEquals(List.of("validate"), List.copyOf(cmd.getSubcommands().keySet()));
    assertEquals(
        "blueprint validate",
        cmd.getSubcommands().get("validate").getCommandSpec().qualifiedName());
    assertEquals(0, Cli.create(sink, sink, "--version").getSubcommands().size());
    assertEquals(
        Cli.create(sink, sink).getSubcommands().keySet(),
        Cli.create(sink, sink, "--help").getSubcommands().keySet());
  }

  @Test
  void helpOfEveryCommandIsTheSame() {
    Map<String, CommandLine> all =
        Cli.create(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
            .getSubcommands();
    assertTrue(all.size() > 5, "the whole tree has the subcommands: " + all.keySet());
    List<String[]> lines = new ArrayList<>();
    for (Map.Entry<String, CommandLine> e : all.entrySet()) {
      lines.add(new String[] {e.getKey(), "--help"});
      lines.add(new String[] {e.getKey(), "--no-such-option"});
      for (String child : e.getValue().getSubcommands().keySet()) {
        lines.add(new String[] {e.getKey(), child, "--help"});
      }
    }
    for (String[] args : lines) {
      assertSame(args);
    }
  }

  @Test
  void topLevelLinesAndErrorsAreTheSame() {
    assertSame("--version");
    assertSame("-V");
    assertSame("--help");
    assertSame();
    assertSame("valdate", "x.yaml");
    assertSame("--version", "validate");
    assertSame("validate");
    assertSame("validate", EXAMPLE.resolve("no-such.yaml").toString());
    assertSame("review", "--fail-on", "NOPE", EXAMPLE.resolve("blueprint.yaml").toString());
  }

  @Test
  void commandsThatWorkPrintTheSame() {
    assertSame(
        "validate",
        EXAMPLE.resolve("requirements.yaml").toString(),
        EXAMPLE.resolve("blueprint.yaml").toString());
    assertSame("review", EXAMPLE.resolve("blueprint.yaml").toString());
  }
}
