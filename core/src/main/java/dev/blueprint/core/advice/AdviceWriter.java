package dev.blueprint.core.advice;

import dev.blueprint.core.load.BlueprintMapper;
import dev.blueprint.core.load.MinimalQuotingYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Writes an advice as blueprint.yaml, report.md and report.json. Output is deterministic. */
public final class AdviceWriter {
  public static final String BLUEPRINT = "blueprint.yaml";
  public static final String REPORT_MD = "report.md";
  public static final String REPORT_JSON = "report.json";

  private AdviceWriter() {}

  /** Writes the three files into {@code dir}, creating it when needed. */
  public static void write(Advice advice, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(BLUEPRINT), blueprintYaml(advice), StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve(REPORT_MD), MarkdownReport.render(advice), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(REPORT_JSON), reportJson(advice), StandardCharsets.UTF_8);
  }

  /** The proposal as YAML, with a header that says where it came from. */
  public static String blueprintYaml(Advice advice) {
    // written directly where it can be (byte-identical to Jackson's YAML, see MinimalQuotingYaml):
    // SnakeYAML's emitter was a third of the advice step's time
    return "# Proposed by `blueprint advise`. Read report.md (open questions, conflicts, trade-offs)\n"
        + "# before approving; then `blueprint generate` renders it.\n"
        + MinimalQuotingYaml.write(advice.proposal());
  }

  /** The report as JSON, for machines. */
  public static String reportJson(Advice advice) {
    try {
      return BlueprintMapper.json().writeValueAsString(advice.report()) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes into a temporary folder beside {@code dir}, then moves it into place, so that {@code
   * dir} holds either the complete advice or what it held before; nothing is left behind on error.
   * A non-empty {@code dir} is replaced only with {@code force}, and only when it holds nothing but
   * the files written here (an earlier advice): other files are never deleted.
   */
  public static void writeAtomically(Advice advice, Path dir, boolean force) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (parent == null) {
      throw new IOException(dir + ": cannot write the advice to the file-system root");
    }
    boolean exists = Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    if (exists && !Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(dir.toString(), null, "exists and is not a folder");
    }
    boolean nonEmpty = exists && !isEmpty(target);
    if (nonEmpty && !force) {
      throw new DirectoryNotEmptyException(dir.toString());
    }
    if (nonEmpty) {
      List<String> foreign = foreignEntries(target);
      if (!foreign.isEmpty()) {
        throw new ForeignFilesException(dir.toString(), foreign);
      }
    }
    Files.createDirectories(parent);
    String base = "." + target.getFileName() + ".";
    Path tmp = Files.createTempDirectory(parent, base + "tmp-");
    Path old = null;
    try {
      write(advice, tmp);
      if (exists) {
        old = Files.createTempDirectory(parent, base + "old-");
        Files.delete(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (old != null) {
          Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
          old = null;
        }
        throw e;
      }
    } finally {
      deleteTree(tmp);
      if (old != null) {
        deleteTree(old);
      }
    }
  }

  /** Entries of {@code dir} that are not one of the three advice files, sorted. */
  private static List<String> foreignEntries(Path dir) throws IOException {
    Set<String> ours = Set.of(BLUEPRINT, REPORT_MD, REPORT_JSON);
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(
              p ->
                  !ours.contains(p.getFileName().toString())
                      || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    }
  }
}
