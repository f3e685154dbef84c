package dev.blueprint.core.generate.docs;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The structure of a Markdown document as a real CommonMark (GitHub tables) parser sees it: every
 * node type in document order, with link targets and inline HTML, but no text. A user string that
 * changes it has become markup.
 */
final class MarkdownStructure {
  private static final List<Extension> GFM =
      List.of(TablesExtension.create(), StrikethroughExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(GFM).build();

  private MarkdownStructure() {}

  static String of(String markdown) {
    StringBuilder sb = new StringBuilder();
    walk(PARSER.parse(stripFrontMatter(markdown)), sb, 0);
    return sb.toString();
  }

  static String stripFrontMatter(String markdown) {
    if (markdown.startsWith("---\n")) {
      int end = markdown.indexOf("\n---\n", 4);
      if (end > 0) {
        return markdown.substring(end + 5);
      }
    }
    return markdown;
  }

  /** The YAML between the leading --- lines, or "". */
  static String frontMatter(String markdown) {
    if (markdown.startsWith("---\n")) {
      int end = markdown.indexOf("\n---\n", 4);
      if (end > 0) {
        return markdown.substring(4, end + 1);
      }
    }
    return "";
  }

  static List<Node> parse(String markdown) {
    Node root = PARSER.parse(stripFrontMatter(markdown));
    List<Node> out = new java.util.ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(Node n, List<Node> out) {
    out.add(n);
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      collect(c, out);
    }
  }

  private static void walk(Node n, StringBuilder sb, int depth) {
    if (n instanceof Text || n instanceof Code) {
      return; // content, not structure; adjacent texts merge differently
    }
    sb.append("  ".repeat(depth)).append(n.getClass().getSimpleName());
    if (n instanceof Link l) {
      // decision files are named after their (user-written) titles
      sb.append(' ').append(l.getDestination().replaceAll("[0-9]{4}-[^/]*\\.md", "NNNN.md"));
    } else if (n instanceof HtmlInline h) {
      sb.append(' ').append(h.getLiteral());
    } else if (n instanceof FencedCodeBlock f) {
      sb.append(' ').append(f.getInfo());
    }
    sb.append('\n');
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      walk(c, sb, depth + 1);
    }
  }
}
