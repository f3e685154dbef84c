package dev.blueprint.core.generate.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Renders escaped strings with a real CommonMark parser (with the GitHub table and strike-through
 * extensions) and checks that the only nodes are plain text in the intended block, and that the
 * text is exactly the input (line breaks as spaces).
 */
class MarkdownEscaperTest {
  private static final List<Extension> GFM =
      List.of(TablesExtension.create(), StrikethroughExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(GFM).build();

  @Test
  void textRendersLiterallyInAParagraph() {
    for (String s : HostileStrings.all(400)) {
      check(s, MarkdownEscaper.text(s), "");
    }
  }

  @Test
  void textRendersLiterallyInATableCellListItemAndHeading() {
    for (String s : HostileStrings.all(400)) {
      String md = MarkdownEscaper.text(s);
      check(s, md, "| head |\n| --- |\n| ");
      check(s, md, "- ");
      check(s, md, "## ");
    }
  }

  @Test
  void oneLineReplacesEveryBreakAndControlCharacterAndStrips() {
    java.util.Random random = new java.util.Random(7);
    char[] alphabet = {
      'a', 'Z', ' ', '\t', '\n', '\r', '\u0000', '\u007f', '\u0085', '\u2028', '\u2029', '\u00e9',
      '\u3000', '_', '|'
    };
    List<String> inputs = new java.util.ArrayList<>(HostileStrings.all(400));
    for (int i = 0; i < 5_000; i++) {
      char[] cs = new char[random.nextInt(12)];
      for (int j = 0; j < cs.length; j++) {
        cs[j] = alphabet[random.nextInt(alphabet.length)];
      }
      inputs.add(new String(cs));
    }
    for (String s : inputs) {
      StringBuilder expected = new StringBuilder();
      s.chars()
          .forEach(
              c ->
                  expected.append(
                      Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                          ? ' '
                          : (char) c));
      assertEquals(expected.toString().strip(), MarkdownEscaper.oneLine(s), s);
    }
  }

  @Test
  void codeRendersLiterallyToo() {
    for (String s : HostileStrings.all(400)) {
      check(s, MarkdownEscaper.code(s), "");
      check(s, MarkdownEscaper.code(s), "| head |\n| --- |\n| ");
    }
  }

  @Test
  void namesStayReadable() {
    assertEquals("page_views_clean", MarkdownEscaper.text("page_views_clean"));
    assertEquals("`page_views_clean`", MarkdownEscaper.code("page_views_clean"));
    assertEquals("\\_private", MarkdownEscaper.text("_private"));
    assertEquals("a \\| b", MarkdownEscaper.text("a | b"));
    assertEquals("one two", MarkdownEscaper.text("one\ntwo"));
    assertEquals("\\- not a list", MarkdownEscaper.text("- not a list"));
    assertEquals("1\\. not a list", MarkdownEscaper.text("1. not a list"));
    assertEquals("R\\&D & more", MarkdownEscaper.text("R&D & more"));
  }

  private static void check(String input, String escaped, String prefix) {
    String doc = prefix + escaped + (prefix.startsWith("|") ? " |\n" : "\n");
    Node root = PARSER.parse(doc);
    StringBuilder text = new StringBuilder();
    collect(root, text, input, doc);
    String expected = MarkdownEscaper.oneLine(input);
    if (!expected.equals(text.toString())) {
      fail(
          "escaped "
              + show(input)
              + " as "
              + show(escaped)
              + " but it renders as "
              + show(text.toString()));
    }
  }

  private static void collect(Node node, StringBuilder text, String input, String doc) {
    if (node instanceof Text t) {
      text.append(t.getLiteral());
    } else if (node instanceof Code c) {
      text.append(c.getLiteral());
    } else if (node instanceof TableCell cell && cell.isHeader()) {
      return; // the header cell of the fixture table
    } else if (!(node instanceof Document
        || node instanceof Paragraph
        || node instanceof Heading
        || node instanceof BulletList
        || node instanceof ListItem
        || node instanceof TableBlock
        || node instanceof TableHead
        || node instanceof TableBody
        || node instanceof TableRow
        || node instanceof TableCell)) {
      fail(show(input) + " produced a " + node.getClass().getSimpleName() + " in " + show(doc));
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      collect(child, text, input, doc);
    }
  }

  static String show(String s) {
    return "\""
        + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
        + "\"";
  }
}
