package dev.blueprint.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blueprint.core.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/review-rules.md lists every review rule with its severity, and no rule that is gone. */
class ReviewRuleCatalogueTest {

  @Test
  void everyReviewRuleIsDocumentedWithItsSeverity() throws IOException {
    String doc =
        Files.readString(TestFiles.root().resolve("docs/review-rules.md"), StandardCharsets.UTF_8);
    Set<String> rules = new TreeSet<>();
    Set<String> missing = new TreeSet<>();
    for (ReviewRule r : Reviewer.rules()) {
      rules.add(r.id());
      if (!doc.contains("| " + r.id() + " | " + r.severity() + " |")) {
        missing.add(r.id() + " " + r.severity());
      }
    }
    assertEquals(Set.of(), missing, "add these rows to docs/review-rules.md");
    Set<String> documented = new TreeSet<>();
    Matcher row = Pattern.compile("^\\| (RV-[A-Z]+-\\d{3}) \\|", Pattern.MULTILINE).matcher(doc);
    while (row.find()) {
      documented.add(row.group(1));
    }
    assertEquals(rules, documented, "docs/review-rules.md lists rules the reviewer does not run");
  }
}
