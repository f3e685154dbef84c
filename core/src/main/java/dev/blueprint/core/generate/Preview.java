package dev.blueprint.core.generate;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a generation would change in an existing target: for {@code --dry-run} (the list) and {@code
 * --diff} (a unified diff). The target's {@code .git} folder is never compared: a regeneration
 * keeps it.
 *
 * @param changes every file of the target or of the new render, sorted by path
 */
public record Preview(List<Change> changes) {

  public Preview {
    changes = List.copyOf(changes);
  }

  /** Compares the files of {@code current} (may be absent) with those of {@code rendered}. */
  public static Preview compare(Path current, Path rendered) throws IOException {
    TreeSet<String> paths = new TreeSet<>();
    paths.addAll(files(current));
    List<String> renderedFiles = files(rendered);
    paths.addAll(renderedFiles);
    List<Change> changes = new ArrayList<>();
    for (String p : paths) {
      String before = read(current, p);
      String after = read(rendered, p);
      Change.Kind kind =
          before == null
              ? Change.Kind.ADDED
              : after == null
                  ? Change.Kind.REMOVED
                  : before.equals(after) ? Change.Kind.UNCHANGED : Change.Kind.CHANGED;
      changes.add(new Change(p, kind, before, after));
    }
    return new Preview(changes);
  }

  /** The changes of one kind. */
  public List<Change> of(Change.Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).toList();
  }

  /** True when the generation would change nothing. */
  public boolean isEmpty() {
    return changes.stream().allMatch(c -> c.kind() == Change.Kind.UNCHANGED);
  }

  /** A unified diff of every added, changed and removed file, in the form git and patch read. */
  public String unifiedDiff() {
    StringBuilder out = new StringBuilder();
    for (Change c : changes) {
      if (c.kind() == Change.Kind.UNCHANGED) {
        continue;
      }
      List<String> before = lines(c.before());
      List<String> after = lines(c.after());
      Patch<String> patch = DiffUtils.diff(before, after);
      String from = c.before() == null ? "/dev/null" : "a/" + c.path();
      String to = c.after() == null ? "/dev/null" : "b/" + c.path();
      for (String line : UnifiedDiffUtils.generateUnifiedDiff(from, to, before, patch, 3)) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  private static List<String> lines(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return Arrays.asList(t.split("\n", -1));
  }

  /** Regular files below root, relative with '/', without .git, symlinks not followed. */
  static List<String> files(Path root) throws IOException {
    if (root == null || !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.equals(".git") && !p.startsWith(".git/"))
          .sorted()
          .toList();
    }
  }

  private static String read(Path root, String relative) throws IOException {
    if (root == null) {
      return null;
    }
    Path p = root.resolve(relative);
    if (Files.isSymbolicLink(p)) {
      return "(symbolic link to " + Files.readSymbolicLink(p) + ")\n";
    }
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
  }
}
