package dev.blueprint.core.validate;

import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Pipeline;
import java.util.regex.Pattern;

/**
 * BP-PATH-001 a name that becomes a file or folder name of the generated repository could leave the
 * output folder or break the file system: a '/', '\', '..', an absolute or drive path, a control
 * character, or a name that is only dots.
 */
final class PathRules implements Rule {
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  @Override
  public void check(Context c) {
    if (c.blueprint().engagement() != null) {
      check(c, c.blueprint().engagement().id(), "engagement.id", "engagement id");
    }
    Architecture a = c.architecture();
    for (int i = 0; i < a.datasets().size(); i++) {
      check(c, a.datasets().get(i).name(), "architecture.datasets[" + i + "].name", "dataset name");
    }
    for (int i = 0; i < a.streams().size(); i++) {
      check(c, a.streams().get(i).name(), "architecture.streams[" + i + "].name", "stream name");
    }
    for (int i = 0; i < a.pipelines().size(); i++) {
      Pipeline pl = a.pipelines().get(i);
      String p = "architecture.pipelines[" + i + "]";
      check(c, pl.id(), p + ".id", "pipeline id");
      for (int t = 0; t < pl.tasks().size(); t++) {
        check(c, pl.tasks().get(t).id(), p + ".tasks[" + t + "].id", "task id");
      }
      for (int g = 0; g < pl.groups().size(); g++) {
        check(c, pl.groups().get(g).id(), p + ".groups[" + g + "].id", "group id");
      }
    }
    for (int i = 0; i < a.caches().size(); i++) {
      check(c, a.caches().get(i).name(), "architecture.caches[" + i + "].name", "cache name");
    }
    for (int i = 0; i < a.decisions().size(); i++) {
      check(c, a.decisions().get(i).id(), "architecture.decisions[" + i + "].id", "decision id");
    }
  }

  /** Why {@code name} is unsafe as one path segment, or null when it is safe. */
  static String unsafe(String name) {
    if (name.startsWith("/") || name.startsWith("\\") || DRIVE.matcher(name).matches()) {
      return "is an absolute path";
    }
    if (name.contains("..")) {
      return "contains '..'";
    }
    if (name.contains("/") || name.contains("\\")) {
      return "contains a path separator";
    }
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0)) {
        return String.format("contains the control character U+%04X", (int) ch);
      }
    }
    if (name.chars().allMatch(ch -> ch == '.')) {
      return "is only dots";
    }
    return null;
  }

  private static void check(Context c, String name, String path, String what) {
    if (name == null) {
      return;
    }
    String why = unsafe(name);
    if (why != null) {
      c.error(
          "BP-PATH-001",
          path,
          "the "
              + what
              + " '"
              + name.replaceAll("\\p{Cntrl}", "?")
              + "' "
              + why
              + "; it becomes a file or folder name and must stay inside the output folder",
          "use letters, digits, '_', '-' and single dots");
    }
  }
}
