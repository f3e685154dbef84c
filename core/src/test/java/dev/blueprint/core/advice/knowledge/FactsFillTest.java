package dev.blueprint.core.advice.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Facts.fill's brace scan gives what the regular expression it replaced gave, on any template. */
class FactsFillTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  /** The former implementation, kept here as the reference. */
  private static String byRegex(Facts facts, String template, Map<String, String> extra) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String v = extra.containsKey(name) ? extra.get(name) : Facts.say(facts.get(name));
      m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "{" + name + "}" : v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static final String[] PIECES = {
    "{", "}", "{{", "}}", "{days}", "{peak}", "{subject}", "{unknown}", "{x1}", "{ days}", "{}",
    "{Peak}", "{a{b}", "a", " ", "retention of ", "$1", "\\", "é", "{days", "days}", "{\u00e9}"
  };

  @Test
  void randomTemplatesFillAsTheRegexDid() {
    Facts facts = new Facts().put("days", 730.0, "NFR-3").put("peak", 6000, "NFR-1");
    facts.put("subject", "page views $1 \\ {days}", "FR-1");
    Map<String, String> extra = Map.of("owner", "Maria $2", "days", "overridden");
    SplittableRandom random = new SplittableRandom(11);
    int replaced = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder t = new StringBuilder();
      int n = random.nextInt(8);
      for (int j = 0; j < n; j++) {
        t.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String template = t.toString();
      String expected = byRegex(facts, template, i % 2 == 0 ? Map.of() : extra);
      String actual = facts.fill(template, i % 2 == 0 ? Map.of() : extra);
      assertEquals(expected, actual, template);
      if (!expected.equals(template)) {
        replaced++;
      }
    }
    assertTrue(replaced > 5_000, "templates with a placeholder filled: " + replaced);
  }

  @Test
  void examples() {
    Facts facts = new Facts().put("days", 730.0, "NFR-3");
    assertEquals(
        "keep 730 days, {weeks} weeks", facts.fill("keep {days} days, {weeks} weeks", Map.of()));
    assertEquals("Maria", facts.fill("{owner}", Map.of("owner", "Maria")));
    assertEquals("no placeholder", facts.fill("no placeholder", Map.of()));
    assertNull(facts.fill(null, Map.of()));
  }
}
