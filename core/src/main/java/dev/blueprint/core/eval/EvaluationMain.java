package dev.blueprint.core.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code make eval}: advises every scenario and prints the scoreboard; with {@code --write FILE}
 * replaces the table between the markers in that Markdown file (docs/evaluation.md).
 */
public final class EvaluationMain {
  static final String BEGIN = "<!-- scoreboard:begin -->";
  static final String END = "<!-- scoreboard:end -->";

  private EvaluationMain() {}

  public static void main(String[] args) throws IOException {
    Path scenarios = Path.of(args.length > 0 ? args[0] : "eval/scenarios");
    List<Evaluation.Outcome> outcomes = Evaluation.run(scenarios);
    for (Evaluation.Outcome o : outcomes) {
      System.out.printf(
          "%-42s %-7s %s%n",
          o.scenario(),
          o.met() ? "met" : "MISSED",
          o.error() != null
              ? o.error()
              : String.join("; ", o.checks().stream().map(Evaluation.Check::say).toList()));
    }
    String table = Evaluation.table(outcomes);
    System.out.println();
    System.out.println(table.substring(table.lastIndexOf("\n**") + 1).strip());
    if (args.length > 2 && args[1].equals("--write")) {
      Path doc = Path.of(args[2]);
      String text = Files.readString(doc, StandardCharsets.UTF_8);
      int b = text.indexOf(BEGIN);
      int e = text.indexOf(END);
      if (b < 0 || e < b) {
        throw new IllegalStateException(doc + " has no " + BEGIN + " ... " + END + " markers");
      }
      String updated = text.substring(0, b + BEGIN.length()) + "\n" + table + text.substring(e);
      Files.writeString(doc, updated, StandardCharsets.UTF_8);
      System.out.println("wrote the scoreboard to " + doc);
    }
  }
}
