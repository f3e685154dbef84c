package dev.blueprint.core.generate.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SQL, CQL, Cypher, comment and Mermaid escapers: every hostile string becomes one token of the
 * target language that a reader of that language's quoting rules turns back into the same string.
 */
class LanguageEscapersTest {

  @Test
  void sqlLiteralAndIdentifierRoundTrip() {
    for (String s : HostileStrings.all(300)) {
      assertEquals(s, unquoteDoubled(SqlEscapers.literal(s), '\''));
      if (!s.isEmpty()) {
        assertEquals(s, unquoteDoubled(SqlEscapers.identifier(s), '"'));
      }
    }
    assertEquals("'it''s'", SqlEscapers.literal("it's"));
    assertEquals("\"a\"\"b\"", SqlEscapers.identifier("a\"b"));
    assertThrows(IllegalArgumentException.class, () -> SqlEscapers.literal("a\0b"));
  }

  @Test
  void cqlLiteralAndIdentifierRoundTrip() {
    for (String s : HostileStrings.all(300)) {
      assertEquals(s, unquoteDoubled(CqlEscapers.literal(s), '\''));
      if (!s.isEmpty()) {
        assertEquals(s, unquoteDoubled(CqlEscapers.identifier(s), '"'));
      }
    }
    assertEquals("'O''Brien'", CqlEscapers.literal("O'Brien"));
    assertThrows(IllegalArgumentException.class, () -> CqlEscapers.identifier(""));
  }

  @Test
  void cypherLiteralIsOneLineAndRoundTrips() {
    for (String s : HostileStrings.all(300)) {
      String lit = CypherEscapers.literal(s);
      assertFalse(lit.contains("\n") || lit.contains("\r"), lit);
      assertEquals(s, unescapeCypher(lit));
      if (!s.isEmpty()) {
        assertEquals(s, unquoteDoubled(CypherEscapers.identifier(s), '`'));
      }
    }
    assertEquals("'it\\'s a \\\\ b\\nc'", CypherEscapers.literal("it's a \\ b\nc"));
    assertEquals("`my``label`", CypherEscapers.identifier("my`label"));
  }

  @Test
  void commentTextCannotLeaveTheLine() {
    for (String s : HostileStrings.all(300)) {
      String c = CommentEscaper.escape(s);
      assertFalse(c.chars().anyMatch(ch -> Character.isISOControl(ch)), c);
      assertFalse(c.contains("\u2028") || c.contains("\u2029"), c);
      assertFalse(c.contains("*/"), c);
      assertFalse(c.endsWith("\\"), c);
    }
    assertEquals("one two", CommentEscaper.escape("one\ntwo"));
  }

  @Test
  void mermaidLabelCannotCloseItsQuotes() {
    Pattern entity = Pattern.compile("#(\\d+);");
    for (String s : HostileStrings.all(300)) {
      String label = MermaidEscaper.label(s);
      assertFalse(label.contains("\""), label);
      assertFalse(label.contains("`") || label.contains("<") || label.contains("\n"), label);
      // decoding the entity codes gives back the one-line text
      Matcher m = entity.matcher(label);
      StringBuilder decoded = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(
            decoded, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1)))));
      }
      m.appendTail(decoded);
      assertEquals(MarkdownEscaper.oneLine(s), decoded.toString());
    }
  }

  @Test
  void everyEscaperIsRegisteredForTemplates() {
    for (String name :
        new String[] {
          "sql", "sqlid", "cql", "cqlid", "cypher", "cypherid", "md", "mdcode", "mermaid", "comment"
        }) {
      assertTrue(Escapers.all().containsKey(name), name);
      assertTrue(Escapers.templateFunctions().containsKey(name), name);
    }
  }

  /** Reads a literal quoted with {@code q} whose embedded quotes are doubled. */
  static String unquoteDoubled(String lit, char q) {
    assertTrue(lit.length() >= 2 && lit.charAt(0) == q && lit.charAt(lit.length() - 1) == q, lit);
    String body = lit.substring(1, lit.length() - 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == q) {
        assertTrue(i + 1 < body.length() && body.charAt(i + 1) == q, "lone quote in " + lit);
        i++;
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** Reads a Cypher single-quoted literal with backslash escapes, as Neo4j's lexer does. */
  static String unescapeCypher(String lit) {
    assertTrue(lit.startsWith("'") && lit.endsWith("'") && lit.length() >= 2, lit);
    String body = lit.substring(1, lit.length() - 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\'') {
        throw new AssertionError("unescaped quote in " + lit);
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char n = body.charAt(++i);
      switch (n) {
        case '\\' -> sb.append('\\');
        case '\'' -> sb.append('\'');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          sb.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> throw new AssertionError("unknown escape \\" + n + " in " + lit);
      }
    }
    return sb.toString();
  }
}
