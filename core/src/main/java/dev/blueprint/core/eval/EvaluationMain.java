package dev.blueprint.core.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code make eval}: advises every scenario under a folder and prints the scoreboard; with {@code
 * --write FILE [TAG]} replaces the table between the markers {@code <!-- TAG:begin -->} and {@code
 * <!-- TAG:end -->} in that Markdown file (docs/evaluation.md; TAG defaults to scoreboard).
 */
public final class EvaluationMain {
  static final String BEGIN = begin("scoreboard");
  static final String END = end("scoreboard");

  static String begin(String tag) {
    return "<!-- " + tag + ":begin -->";
  }

  static String end(String tag) {
    return "<!-- " + tag + ":end -->";
  }

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
      String tag = args.length > 3 ? args[3] : "scoreboard";
      String text = Files.readString(doc, StandardCharsets.UTF_8);
      int b = text.indexOf(begin(tag));
      int e = text.indexOf(end(tag));
      if (b < 0 || e < b) {
        throw new IllegalStateException(
            doc + " has no " + begin(tag) + " ... " + end(tag) + " markers");
      }
      String updated =
          text.substring(0, b + begin(tag).length()) + "\n" + table + text.substring(e);
      Files.writeString(doc, updated, StandardCharsets.UTF_8);
      System.out.println("wrote the scoreboard to " + doc);
    }
  }
}
