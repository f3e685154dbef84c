package dev.blueprint.core.generate.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.blueprint.core.generate.Contributor;
import dev.blueprint.core.generate.escape.HostileStrings;
import dev.blueprint.core.generate.storage.Generated;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Stream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocsContributorsTest {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern NODE = Pattern.compile("^    ([A-Za-z0-9_]+)\\[\"([^\"]*)\"\\]$");
  private static final Pattern SUBGRAPH =
      Pattern.compile("^  subgraph ([A-Za-z0-9_]+)\\[\"([^\"]*)\"\\]$");
  private static final Pattern EDGE =
      Pattern.compile("^  ([A-Za-z0-9_]+) (-->|-\\.->\\|[^|\"]*\\|) ([A-Za-z0-9_]+)$");

  @TempDir Path dir;

  static Contributor[] docs() {
    return new Contributor[] {
      new DecisionRecordsContributor(),
      new ArchitectureContributor(),
      new RepositoryReadmeContributor()
    };
  }

  /** The standard set, as `blueprint generate` runs it. */
  static Contributor[] everything() {
    return dev.blueprint.core.generate.Contributors.standard().toArray(new Contributor[0]);
  }

  @Test
  void decisionRecordsFollowMadr4AndLinkTheirDriversToRequirements() throws Exception {
    Generated g = Generated.run(Generated.clickstream(), dir, docs());
    List<String> records = g.filesUnder("docs/decisions/0", ".md");
    assertEquals(
        List.of(
            "docs/decisions/0001-kafka-for-the-page-view-stream.md",
            "docs/decisions/0002-parquet-in-the-clean-and-curated-zones-avro-in-the.md"),
        records);
    String architecture = g.read("docs/architecture.md");
    for (String file : records) {
      String md = g.read(file);
      JsonNode front = YAML.readTree(MarkdownStructure.frontMatter(md));
      assertEquals("accepted", front.get("status").asText());
      assertEquals("2026-02-02", front.get("date").asText());
      assertTrue(front.get("decision-makers").asText().contains("Tom de Vries"));
      List<String> headings = new ArrayList<>();
      for (Node n : MarkdownStructure.parse(md)) {
        if (n instanceof Heading h) {
          headings.add("#".repeat(h.getLevel()) + " " + text(h));
        }
      }
      assertEquals(
          List.of(
              "## Context and Problem Statement",
              "## Decision Drivers",
              "## Considered Options",
              "## Decision Outcome",
              "### Consequences",
              "### Confirmation",
              "## Pros and Cons of the Options"),
          headings.stream().filter(h -> h.startsWith("## ") || h.startsWith("### Con")).toList(),
          file);
      for (Node n : MarkdownStructure.parse(md)) {
        if (n instanceof Link l && l.getDestination().startsWith("../architecture.md#")) {
          String anchor = l.getDestination().substring("../architecture.md#".length());
          assertTrue(architecture.contains("<a id=\"" + anchor + "\"></a>"), anchor);
        }
      }
    }
    String adr1 = g.read(records.get(0));
    assertTrue(
        adr1.contains(
            "* [NFR-5](../architecture.md#req-nfr-5): A consumer outage of a long weekend must not"
                + " lose events. (tolerated consumer outage without data loss >= 3 days"),
        adr1);
    assertTrue(adr1.contains("Chosen option: \"Kafka\", because Only Kafka keeps"), adr1);
    assertTrue(adr1.contains("### Kinesis\n\n* Good, because Fully managed\n"), adr1);
    String index = g.read("docs/decisions/README.md");
    assertTrue(
        index.contains(
            "| 0001 | [Kafka for the page-view stream](0001-kafka-for-the-page-view-stream.md) |"
                + " accepted | 2026-02-02 | Kafka |"),
        index);
  }

  @Test
  void mermaidDiagramHasUniqueIdsAndOnlyModelEdges() throws Exception {
    for (Path example : Generated.exampleBlueprints()) {
      Blueprint b = Generated.load(example);
      Generated g = Generated.run(b, dir.resolve(example.getParent().getFileName()), docs());
      List<String> lines = mermaid(g.read("docs/architecture.md"));
      Set<String> ids = new HashSet<>();
      List<String[]> edges = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        Matcher node = NODE.matcher(line);
        Matcher sub = SUBGRAPH.matcher(line);
        Matcher edge = EDGE.matcher(line);
        if (node.matches()) {
          assertTrue(ids.add(node.group(1)), "duplicate id " + node.group(1) + " in " + example);
        } else if (sub.matches()) {
          assertTrue(ids.add(sub.group(1)), "duplicate id " + sub.group(1));
        } else if (edge.matches()) {
          edges.add(new String[] {edge.group(1), edge.group(3)});
        } else {
          assertEquals("  end", line, "unexpected Mermaid line in " + example);
        }
      }
      for (String[] e : edges) {
        assertTrue(ids.contains(e[0]) && ids.contains(e[1]), String.join(" -> ", e));
      }
      // every stream producer and consumer is an edge
      int expected = 0;
      for (Stream s : b.architectureOrEmpty().streams()) {
        expected += s.producers().size() + s.consumers().size();
      }
      long streamEdges =
          edges.stream().filter(e -> e[0].startsWith("stm_") || e[1].startsWith("stm_")).count();
      assertTrue(streamEdges >= expected, example + ": " + streamEdges + " < " + expected);
      assertEquals("flowchart LR", lines.get(0));
    }
    Generated g = Generated.run(Generated.clickstream(), dir.resolve("c"), docs());
    String md = g.read("docs/architecture.md");
    for (String edge :
        List.of(
            "  src_web_tracker --> stm_web_page_views_v1",
            "  stm_web_page_views_v1 --> pl_page_views_to_lake",
            "  stm_web_page_views_v1 --> con_session_tracker",
            "  pl_page_views_to_lake --> ds_page_views_raw",
            "  pl_visitor_journeys_daily --> ds_campaign_attribution",
            "  ds_campaign_attribution --> con_marketing_dashboard",
            "  ds_visitor_sessions --> cache_session_cache")) {
      assertTrue(md.contains(edge + "\n"), edge);
    }
    // an intermediate dataset of one pipeline gets no edge back into it
    assertFalse(md.contains("  ds_page_views_raw --> pl_page_views_to_lake\n"), md);
  }

  @Test
  void everyRelativeLinkOfEveryExampleResolves() throws Exception {
    for (Path example : Generated.exampleBlueprints()) {
      Generated g =
          Generated.run(
              Generated.load(example),
              dir.resolve(example.getParent().getFileName()),
              everything());
      for (String file : g.filesUnder("", ".md")) {
        for (Node n : MarkdownStructure.parse(g.read(file))) {
          if (!(n instanceof Link l) || l.getDestination().contains("://")) {
            continue;
          }
          String target = l.getDestination().replaceAll("#.*$", "");
          if (target.isEmpty() || target.startsWith(".blueprint/")) {
            continue; // same-page anchors; .blueprint/ is written by the Generator itself
          }
          Path resolved = g.path(file).getParent().resolve(target).normalize();
          assertTrue(
              java.nio.file.Files.exists(resolved),
              example + ": " + file + " links to missing " + l.getDestination());
        }
      }
    }
  }

  @Test
  void hostileTextsNeverChangeTheMarkdownStructure() throws Exception {
    Blueprint clickstream = Generated.clickstream();
    Generated benign =
        Generated.run(
            Rewrite.texts(clickstream, "plain words"), dir.resolve("benign"), everything());
    int n = 0;
    for (String hostile : HostileStrings.all(40)) {
      if (hostile.isBlank() || hostile.indexOf('\0') >= 0) {
        continue;
      }
      Generated g =
          Generated.run(Rewrite.texts(clickstream, hostile), dir.resolve("h" + n++), everything());
      for (String file : benign.filesUnder("", ".md")) {
        String bf = file.startsWith("docs/decisions/0") ? file.substring(0, 20) : file;
        String hostileFile =
            g.files().stream().filter(f -> f.startsWith(bf)).findFirst().orElseThrow();
        String text = g.read(hostileFile);
        assertEquals(
            MarkdownStructure.of(benign.read(file)),
            MarkdownStructure.of(text),
            hostileFile + " with " + hostile.replace("\n", "\\n"));
        if (file.startsWith("docs/decisions/0")) {
          JsonNode front = YAML.readTree(MarkdownStructure.frontMatter(text));
          String makers = front.get("decision-makers").asText();
          assertTrue(
              makers.equals(hostile + " 0") || makers.equals(hostile + " 0, " + hostile + " 1"),
              makers);
        }
      }
      for (String line : mermaid(g.read("docs/architecture.md"))) {
        assertTrue(
            line.equals("flowchart LR")
                || line.equals("  end")
                || NODE.matcher(line).matches()
                || SUBGRAPH.matcher(line).matches()
                || EDGE.matcher(line).matches(),
            line);
      }
    }
  }

  @Test
  void mermaidsOwnParserAcceptsEveryDiagramHostileOnesIncluded() throws Exception {
    MermaidParser.tools(); // skips (or fails in CI) before any work when Mermaid is missing
    List<Path> diagrams = new ArrayList<>();
    int n = 0;
    for (Path example : Generated.exampleBlueprints()) {
      Generated g = Generated.run(Generated.load(example), dir.resolve("e" + n), docs());
      diagrams.add(writeDiagram(g, dir.resolve("e" + n++ + ".mmd")));
    }
    Blueprint clickstream = Generated.clickstream();
    for (String hostile : HostileStrings.all(30)) {
      if (hostile.isBlank() || hostile.indexOf('\0') >= 0) {
        continue;
      }
      // hostile names: the ids sanitise them, the labels escape them
      Blueprint b = Rewrite.names(clickstream, hostile);
      Generated g = Generated.run(b, dir.resolve("h" + n), new ArchitectureContributor());
      diagrams.add(writeDiagram(g, dir.resolve("h" + n++ + ".mmd")));
    }
    Map<Path, String> result = MermaidParser.parse(diagrams);
    for (Map.Entry<Path, String> e : result.entrySet()) {
      assertEquals(
          null, e.getValue(), e.getKey() + ":\n" + java.nio.file.Files.readString(e.getKey()));
    }
  }

  private static Path writeDiagram(Generated g, Path file) throws Exception {
    java.nio.file.Files.writeString(
        file, String.join("\n", mermaid(g.read("docs/architecture.md"))) + "\n");
    return file;
  }

  @Test
  void aMinimalBlueprintWithoutEngagementGeneratesToo() throws Exception {
    dev.blueprint.core.model.Dataset only =
        new dev.blueprint.core.model.Dataset(
            "events",
            null,
            null,
            null,
            null,
            dev.blueprint.core.model.StoreFamily.OBJECT_STORAGE,
            null,
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(),
            null);
    Blueprint minimal =
        new Blueprint(
            1,
            null,
            null,
            List.of(),
            List.of(),
            new dev.blueprint.core.model.Architecture(
                List.of(only), List.of(), List.of(), List.of(), List.of()));
    Generated g = Generated.run(minimal, dir, everything());
    assertTrue(
        g.read("README.md").startsWith("# Data platform scaffolding\n"), g.read("README.md"));
    assertTrue(g.read("Makefile").startsWith("# Deploys the data platform."), g.read("Makefile"));
    assertTrue(
        g.read("storage/layout.yaml").contains("path: raw/events/"), g.read("storage/layout.yaml"));
    assertTrue(
        g.read("docs/decisions/README.md").contains("The blueprint records no decisions yet."));
    assertTrue(g.read("docs/architecture.md").contains("The blueprint lists no requirements."));
  }

  static List<String> mermaid(String markdown) {
    int start = markdown.indexOf("```mermaid\n");
    int end = markdown.indexOf("\n```\n", start);
    assertTrue(start >= 0 && end > start, "no mermaid block");
    return List.of(markdown.substring(start + "```mermaid\n".length(), end).split("\n"));
  }

  static String text(Node n) {
    StringBuilder sb = new StringBuilder();
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Text t) {
        sb.append(t.getLiteral());
      } else {
        sb.append(text(c));
      }
    }
    return sb.toString();
  }
}
