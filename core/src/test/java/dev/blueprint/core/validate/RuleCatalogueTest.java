package dev.blueprint.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprint.core.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every rule id the loader and validator can report is documented in docs/validation-rules.md, and
 * every documented error rule has an input in the bad/ corpus (except the two that a committed file
 * cannot show: a missing file and a file above the size limit, tested in LoaderTest).
 */
class RuleCatalogueTest {
  private static final Pattern ID = Pattern.compile("\"(BP-[A-Z]+-\\d{3})\"");
  private static final Set<String> NOT_IN_CORPUS = Set.of("BP-FILE-001", "BP-FILE-002");

  static Set<String> idsInSources() throws IOException {
    Set<String> ids = new TreeSet<>();
    Path main = TestFiles.root().resolve("core/src/main/java/dev/blueprint/core");
    for (String pkg : new String[] {"load", "validate"}) {
      try (Stream<Path> files = Files.list(main.resolve(pkg))) {
        for (Path f : files.toList()) {
          Matcher m = ID.matcher(Files.readString(f, StandardCharsets.UTF_8));
          while (m.find()) {
            ids.add(m.group(1));
          }
        }
      }
    }
    return ids;
  }

  static String doc() throws IOException {
    return Files.readString(
        TestFiles.root().resolve("docs/validation-rules.md"), StandardCharsets.UTF_8);
  }

  @Test
  void everyRuleIsDocumented() throws IOException {
    String doc = doc();
    Set<String> missing = new TreeSet<>();
    for (String id : idsInSources()) {
      if (!doc.contains("| " + id + " |")) {
        missing.add(id);
      }
    }
    assertEquals(Set.of(), missing, "add these rule ids to docs/validation-rules.md");
  }

  @Test
  void everyDocumentedErrorRuleHasABadInput() throws IOException {
    Set<String> inCorpus = new TreeSet<>();
    try (Stream<Path> s = Files.list(TestFiles.resource("bad"))) {
      for (Path f : s.toList()) {
        inCorpus.add(BadInputCorpusTest.expectation(f)[0]);
      }
    }
    Set<String> missing = new TreeSet<>();
    Matcher row = Pattern.compile("\\| (BP-[A-Z]+-\\d{3}) \\| (error \\| )?").matcher(doc());
    while (row.find()) {
      boolean reading = row.group(1).startsWith("BP-FILE") || row.group(1).startsWith("BP-YAML");
      boolean error = reading || row.group(2) != null;
      if (error && !inCorpus.contains(row.group(1)) && !NOT_IN_CORPUS.contains(row.group(1))) {
        missing.add(row.group(1));
      }
    }
    assertEquals(Set.of(), missing, "add a bad input for these error rules");
    assertTrue(inCorpus.size() >= 45, "rules in the corpus: " + inCorpus.size());
  }
}
