package dev.blueprint.core.advice;

import dev.blueprint.core.advice.knowledge.Facts;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Cache;
import dev.blueprint.core.model.ConsideredOption;
import dev.blueprint.core.model.Constraint;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.Dataset;
import dev.blueprint.core.model.Decision;
import dev.blueprint.core.model.FunctionalRequirement;
import dev.blueprint.core.model.Partition;
import dev.blueprint.core.model.Person;
import dev.blueprint.core.model.Pipeline;
import dev.blueprint.core.model.Stream;
import dev.blueprint.core.review.Finding;
import dev.blueprint.core.review.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Renders the report as Markdown a problem owner can read. Deterministic: no clock, no maps. */
public final class MarkdownReport {
  private final StringBuilder sb = new StringBuilder();

  private int section;

  private MarkdownReport() {}

  private int next() {
    return ++section;
  }

  public static String render(Advice advice) {
    return new MarkdownReport().write(advice.report(), advice.proposal()).sb.toString();
  }

  private MarkdownReport write(Report r, Blueprint bp) {
    line("# " + r.title());
    line("");
    header(r);
    summary(r);
    problem(r.problem());
    conflicts(r.conflicts());
    questions(r.questions());
    smart(r.smart());
    currentState(r.currentState());
    matrices(r.matrices());
    derivations(r.derivations());
    architecture(r, bp);
    findings(r);
    decisions(r.decisions());
    if (!r.assumptions().isEmpty()) {
      line("## Assumptions");
      line("");
      r.assumptions().forEach(a -> line("- " + a));
      line("");
    }
    line("## Knowledge used");
    line("");
    line(
        "Scores, knock-outs and thresholds come from these knowledge files; each rule cites its source in the matrices above and in report.json.");
    line("");
    r.knowledge().forEach(k -> line("- `" + k + "`"));
    return this;
  }

  private void header(Report r) {
    var p = r.problem();
    List<String> parts = new ArrayList<>();
    if (p.engagement() != null) {
      parts.add("Engagement `" + p.engagement() + "`");
    }
    if (p.kind() != null) {
      parts.add(p.kind());
    }
    if (p.problemOwner() != null) {
      parts.add("problem owner: " + person(p.problemOwner()));
    }
    if (!parts.isEmpty()) {
      line(String.join(" · ", parts));
      line("");
    }
    line(
        "This report was produced by `blueprint advise` from the requirements. The proposal is in `blueprint.yaml`; every choice below shows its scores, the requirements behind them and the trade-off it makes.");
    line("");
  }

  private void summary(Report r) {
    line("## Summary");
    line("");
    for (Matrix m : r.matrices()) {
      String runner =
          (m.runnerUp() == null ? "" : " (runner-up: " + m.name(m.runnerUp()) + ")")
              + (m.lowConfidence() ? ", low confidence" : "");
      line(
          "- **"
              + m.title()
              + "**: "
              + m.name(m.chosen())
              + runner
              + (m.conflict() != null ? " — **conflict, see below**" : ""));
    }
    line("");
    line(
        "Open questions: "
            + r.questions().size()
            + ". Conflicts: "
            + r.conflicts().size()
            + ". Review: "
            + r.findingsNote());
    line("");
  }

  private void problem(Report.ProblemStatement p) {
    line("## " + next() + ". The problem");
    line("");
    if (p.businessProblem() != null) {
      line("**Business problem.** " + p.businessProblem().strip());
      line("");
    }
    if (p.coreProblem() != null) {
      line("**Core problem.** " + p.coreProblem().strip());
      line("");
    }
    if (!p.stakeholders().isEmpty()) {
      line(
          "**Stakeholders.** "
              + p.stakeholders().stream()
                  .map(MarkdownReport::person)
                  .collect(Collectors.joining("; "))
              + ".");
      line("");
    }
    if (!p.functional().isEmpty()) {
      line("| Requirement | What the solution must do |");
      line("| --- | --- |");
      for (FunctionalRequirement f : p.functional()) {
        line("| " + cell(f.id()) + " | " + cell(f.text()) + " |");
      }
      line("");
    }
    if (!p.constraints().isEmpty()) {
      line("| Constraint | Raised by | Requires | As said |");
      line("| --- | --- | --- | --- |");
      for (Constraint c : p.constraints()) {
        line(
            "| "
                + cell(c.id())
                + " | "
                + cell(c.raisedBy())
                + " | "
                + cell(c.requires())
                + " | "
                + cell(c.text())
                + " |");
      }
      line("");
    }
  }

  private void conflicts(List<Conflict> conflicts) {
    if (conflicts.isEmpty()) {
      return;
    }
    line("## " + next() + ". Conflicts that need a decision");
    line("");
    line(
        "The requirements ask for things that cannot all hold. The advisor did not choose silently: each conflict below says what clashes, what the proposal does instead, and what would have to change to keep the constraint.");
    line("");
    for (Conflict c : conflicts) {
      line("### " + c.constraint() + ": " + c.requires() + " for " + c.subject());
      line("");
      line(
          "- **What clashes.** "
              + c.explanation()
              + " (knock-out "
              + c.rule()
              + (c.requirements().isEmpty()
                  ? ""
                  : ", driven by " + String.join(", ", c.requirements()))
              + ")");
      line(
          "- **What the proposal does.** Uses "
              + c.chosenInstead()
              + ", the best option that meets every requirement.");
      line("- **To keep " + c.requires() + ".** " + c.resolution());
      line("");
    }
  }

  private void questions(List<Question> qs) {
    line("## " + next() + ". Open questions for the problem owner");
    line("");
    if (qs.isEmpty()) {
      line("None: the requirements answer everything the advice needs.");
      line("");
      return;
    }
    line("| # | Topic | Question | Why it matters |");
    line("| --- | --- | --- | --- |");
    for (Question q : qs) {
      line(
          "| "
              + q.id()
              + " | "
              + cell(q.topic())
              + " | "
              + cell(q.question())
              + " | "
              + cell(q.why())
              + " |");
    }
    line("");
  }

  private void smart(List<SmartResult> results) {
    line("## " + next() + ". SMART check of the non-functional requirements");
    line("");
    if (results.isEmpty()) {
      line(
          "There are no non-functional requirements: ask the problem owner for latency, throughput, retention and availability targets.");
      line("");
      return;
    }
    line(
        "Each requirement needs a metric, a comparator, a number with a unit, a scope or load condition, and a time frame.");
    line("");
    line("| Requirement | Metric | Comparator | Number | Unit | Scope | Time frame | Verdict |");
    line("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (SmartResult s : results) {
      line(
          "| "
              + cell(s.id())
              + ": "
              + cell(s.text())
              + " | "
              + mark(s.metric())
              + " | "
              + mark(s.comparator())
              + " | "
              + mark(s.number())
              + " | "
              + mark(s.unit())
              + " | "
              + mark(s.scope())
              + " | "
              + mark(s.timeFrame())
              + " | "
              + (s.smart() ? "SMART" : "**not SMART**")
              + " |");
    }
    line("");
    for (SmartResult s : results) {
      if (!s.smart() || !s.vagueWords().isEmpty()) {
        StringBuilder b = new StringBuilder("- **" + s.id() + "**: ");
        if (!s.problems().isEmpty()) {
          b.append(String.join("; ", s.problems())).append(". ");
        }
        if (!s.vagueWords().isEmpty()) {
          b.append("Vague: ")
              .append(
                  s.vagueWords().stream()
                      .map(w -> "\"" + w + "\"")
                      .collect(Collectors.joining(", ")))
              .append(". ");
        }
        if (s.suggestion() != null) {
          b.append("Suggested rewrite: *").append(s.suggestion()).append("*");
        } else {
          b.append("The numbers govern; the wording can stay.");
        }
        line(b.toString().strip());
      }
    }
    line("");
  }

  private void currentState(CurrentState cs) {
    if (cs == null) {
      return;
    }
    line("## " + next() + ". Current state and migration");
    line("");
    if (cs.description() != null) {
      line(cs.description().strip());
      line("");
    }
    if (!cs.painPoints().isEmpty()) {
      line("What hurts today:");
      line("");
      cs.painPoints().forEach(p -> line("- " + p));
      line("");
    }
    if (!cs.components().isEmpty()) {
      line("| Component today | Fate | Why |");
      line("| --- | --- | --- |");
      for (CurrentState.Fate f : cs.components()) {
        line("| " + cell(f.component()) + " | " + f.fate() + " | " + cell(f.detail()) + " |");
      }
      line("");
    }
    line("Migration order:");
    line("");
    for (int i = 0; i < cs.migration().size(); i++) {
      line((i + 1) + ". " + cs.migration().get(i));
    }
    line("");
  }

  private void matrices(List<Matrix> ms) {
    line("## " + next() + ". Technology choices");
    line("");
    line(
        "Each cell is a score from 0 (useless) to 5 (best) with its reason. A row's weight counts double when a stated requirement of its category drives it (the drivers column). An option's total is the sum of weight × score. A knocked-out option cannot be chosen, whatever its total.");
    line("");
    for (Matrix m : ms) {
      line("### " + m.id() + ". " + m.title());
      line("");
      line(m.question());
      line("");
      if (!m.facts().values().isEmpty()) {
        line(
            "Facts: "
                + m.facts().values().entrySet().stream()
                    .map(e -> "`" + e.getKey() + "` = " + Facts.say(e.getValue()))
                    .collect(Collectors.joining(", "))
                + ".");
        line("");
      }
      StringBuilder head = new StringBuilder("| Criterion | Weight | Drivers |");
      StringBuilder sep = new StringBuilder("| --- | --- | --- |");
      for (String o : m.options()) {
        head.append(' ')
            .append(cell(m.name(o)))
            .append(o.equals(m.chosen()) ? " (chosen)" : "")
            .append(" |");
        sep.append(" --- |");
      }
      line(head.toString());
      line(sep.toString());
      for (Row r : m.rows()) {
        StringBuilder b =
            new StringBuilder(
                "| "
                    + cell(r.name())
                    + " | "
                    + r.weight()
                    + " | "
                    + (r.drivers().isEmpty() ? "" : String.join(", ", r.drivers()))
                    + " |");
        for (String o : m.options()) {
          Cell c = r.cell(o);
          b.append(' ').append(c.score()).append(": ").append(cell(c.reason())).append(" |");
        }
        line(b.toString());
      }
      StringBuilder tot = new StringBuilder("| **Total** | | |");
      for (String o : m.options()) {
        Total t = m.total(o);
        tot.append(' ')
            .append(t.knockedOut() ? "~~" + t.score() + "~~ knocked out" : "**" + t.score() + "**")
            .append(" |");
      }
      line(tot.toString());
      line("");
      if (!m.knockouts().isEmpty()) {
        line("Knock-outs:");
        line("");
        for (Knockout k : m.knockouts()) {
          line(
              "- **"
                  + k.rule()
                  + "** rules out "
                  + m.name(k.option())
                  + ": "
                  + k.reason()
                  + (k.drivers().isEmpty() ? "" : " (" + String.join(", ", k.drivers()) + ")")
                  + " Source: "
                  + k.source()
                  + ".");
        }
        line("");
      }
      if (!m.estimates().isEmpty()) {
        line("Capacity and cost of the viable options (rough; prices differ by provider):");
        line("");
        line("| Option | Runs on | Stores | How |");
        line("| --- | --- | --- | --- |");
        for (Estimate e : m.estimates()) {
          line(
              "| "
                  + cell(m.name(e.option()))
                  + " | "
                  + cell(e.capacity())
                  + " | "
                  + cell(e.storage())
                  + " | "
                  + cell(e.formula())
                  + " |");
        }
        line("");
      }
      line("**Chosen: " + m.name(m.chosen()) + ".** " + m.rationale());
      line("");
      if (m.lowConfidence()) {
        String why = m.confidenceNote().substring(m.confidenceNote().indexOf(':') + 1).strip();
        line("> **Low confidence.** " + Character.toUpperCase(why.charAt(0)) + why.substring(1));
        line("");
      }
      if (m.runnerUp() != null) {
        line("**Runner-up: " + m.name(m.runnerUp()) + ".** Trade-off: " + m.tradeOff());
        line("");
      }
      if (m.conflict() != null) {
        line("> **Conflict.** " + m.conflict().message());
        line("");
      }
    }
  }

  private void derivations(List<Derivation> ds) {
    line("## " + next() + ". Derived settings");
    line("");
    line("| Element | Setting | Value | Formula | Inputs |");
    line("| --- | --- | --- | --- | --- |");
    for (Derivation d : ds) {
      line(
          "| "
              + cell(d.element())
              + " | "
              + cell(d.setting())
              + " | "
              + cell(d.value())
              + " | "
              + cell(d.formula())
              + " | "
              + cell(d.inputs())
              + " |");
    }
    line("");
  }

  private void architecture(Report r, Blueprint bp) {
    line("## " + next() + ". The proposed architecture");
    line("");
    line("```mermaid");
    sb.append(r.diagram());
    line("```");
    line("");
    var a = bp.architectureOrEmpty();
    if (!a.streams().isEmpty()) {
      line(
          "| Stream | Platform | Partitions | Replication / min ISR | Retention | Key | Consumers |");
      line("| --- | --- | --- | --- | --- | --- | --- |");
      for (Stream s : a.streams()) {
        line(
            "| "
                + cell(s.name())
                + " | "
                + s.platformOrKafka().name().toLowerCase(Locale.ROOT).replace('_', '-')
                + " | "
                + opt(s.partitions())
                + " | "
                + opt(s.replication())
                + " / "
                + opt(s.minInsyncReplicas())
                + " | "
                + (s.retention() == null ? "" : Units.say(s.retention()))
                + " | "
                + opt(s.key())
                + " | "
                + String.join(", ", s.consumers())
                + " |");
      }
      line("");
    }
    line("| Dataset | Zone | Store | Format | Partitioning | Retention | Instances |");
    line("| --- | --- | --- | --- | --- | --- | --- |");
    for (Dataset d : a.datasets()) {
      line(
          "| "
              + cell(d.name())
              + " | "
              + low(d.zone())
              + " | "
              + low(d.store())
              + " | "
              + low(d.format())
              + " | "
              + d.partitioning().stream()
                  .map(MarkdownReport::partition)
                  .collect(Collectors.joining(", "))
              + " | "
              + (d.retention() == null ? "" : Units.say(d.retention()))
              + " | "
              + opt(d.instances())
              + " |");
    }
    line("");
    if (!a.pipelines().isEmpty()) {
      line("| Pipeline (Airflow DAG) | Schedule | Tasks |");
      line("| --- | --- | --- |");
      for (Pipeline p : a.pipelines()) {
        line(
            "| "
                + cell(p.id())
                + " | "
                + cell(p.schedule())
                + " | "
                + p.tasks().stream()
                    .map(
                        t ->
                            t.fullId()
                                + (t.isCompensation()
                                    ? " (compensates " + String.join(", ", t.compensates()) + ")"
                                    : ""))
                    .map(MarkdownReport::cell)
                    .collect(Collectors.joining(", "))
                + " |");
      }
      line("");
    }
    if (!a.caches().isEmpty()) {
      line("| Cache | In front of | Key | TTL | Policy |");
      line("| --- | --- | --- | --- | --- |");
      for (Cache c : a.caches()) {
        line(
            "| "
                + cell(c.name())
                + " | "
                + cell(c.caches())
                + " | `"
                + c.keyPattern()
                + "` | "
                + (c.ttl() == null ? "" : Units.say(c.ttl()))
                + " | "
                + (c.writePolicy() == null
                    ? ""
                    : c.writePolicy().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                + " |");
      }
      line("");
    }
    List<Consumer> added =
        bp.consumers().stream()
            .filter(
                c ->
                    c.id() != null
                        && (c.id().endsWith("-updater") || c.id().endsWith("-lake-sink")))
            .toList();
    if (!added.isEmpty()) {
      line(
          "Stream processors the proposal adds as consumers: "
              + added.stream()
                  .map(c -> "`" + c.id() + "` (" + c.description() + ")")
                  .collect(Collectors.joining("; ")));
      line("");
    }
  }

  private void findings(Report r) {
    line("## " + next() + ". Review findings");
    line("");
    line(r.findingsNote());
    line("");
    if (r.findings().isEmpty()) {
      return;
    }
    line("| Rule | Severity | Element | Why it matters | How to fix |");
    line("| --- | --- | --- | --- | --- |");
    for (Finding f : r.findings()) {
      line(
          "| "
              + f.ruleId()
              + " | "
              + f.severity()
              + " | "
              + cell(f.element())
              + " | "
              + cell(f.why())
              + " | "
              + cell(f.fix())
              + " |");
    }
    line("");
  }

  private void decisions(List<Decision> ds) {
    line("## " + next() + ". Decision records");
    line("");
    for (Decision d : ds) {
      line("### " + d.id() + ": " + d.title());
      line("");
      line("- Status: " + d.status().name().toLowerCase(Locale.ROOT));
      if (d.date() != null) {
        line("- Date: " + d.date());
      }
      if (!d.decisionMakers().isEmpty()) {
        line("- Decision-makers: " + String.join(", ", d.decisionMakers()));
      }
      line(
          "- Drivers: " + (d.drivers().isEmpty() ? "none stated" : String.join(", ", d.drivers())));
      line("");
      line("**Context and problem statement.** " + d.context());
      line("");
      line(
          "**Considered options.** "
              + d.options().stream().map(ConsideredOption::name).collect(Collectors.joining(", "))
              + ".");
      line("");
      line(
          "**Decision outcome.** Chosen option: \""
              + d.chosen()
              + "\", because "
              + lowerFirst(d.rationale()));
      line("");
      if (d.consequences() != null) {
        d.consequences().good().forEach(g -> line("- Good, because " + lowerFirst(g)));
        d.consequences().bad().forEach(b -> line("- Bad, because " + lowerFirst(b)));
        line("");
      }
      if (d.confirmation() != null) {
        line("**Confirmation.** " + d.confirmation());
        line("");
      }
      line("**Pros and cons of the options.**");
      line("");
      for (ConsideredOption o : d.options()) {
        line("- " + o.name() + (o.description() == null ? "" : " — " + o.description()));
        o.pros().forEach(p -> line("  - Good: " + p));
        o.cons().forEach(c -> line("  - Bad: " + c));
      }
      line("");
    }
  }

  private static String partition(Partition p) {
    return p.field() + " (" + p.transformOrIdentity().name().toLowerCase(Locale.ROOT) + ")";
  }

  private static String person(Person p) {
    return p.name() + (p.role() == null ? "" : " (" + p.role() + ")");
  }

  private static String low(Enum<?> e) {
    return e == null ? "" : e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String opt(Object o) {
    return o == null ? "" : cell(String.valueOf(o));
  }

  private static String mark(boolean ok) {
    return ok ? "yes" : "**no**";
  }

  private static String lowerFirst(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    return s.length() > 1 && Character.isUpperCase(s.charAt(1))
        ? s
        : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** A line break ({@code \R}) with the blanks around it. */
  private static final Pattern CELL_BREAK = Pattern.compile("\\s*\\R\\s*");

  /** Text safe inside a table cell: no pipes, no line breaks. */
  static String cell(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip().replace("\\", "\\\\").replace("|", "\\|");
    // compiled once, and run only where a cell has a line break (String.replaceAll compiled the
    // pattern for every cell of every matrix)
    return hasLineBreak(t) ? CELL_BREAK.matcher(t).replaceAll(" ") : t;
  }

  /** Whether {@code s} has a character {@code \R} matches. */
  private static boolean hasLineBreak(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '\n' && c <= '\r') || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  private void line(String s) {
    sb.append(s).append('\n');
  }
}
