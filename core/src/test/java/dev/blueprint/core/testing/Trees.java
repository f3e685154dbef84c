package dev.blueprint.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads a folder tree as relative path to content, for comparisons. */
public final class Trees {
  private Trees() {}

  /** Every regular file below root as relative path ('/') to its text. */
  public static Map<String, String> read(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            root.relativize(p).toString().replace('\\', '/'),
            new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  /**
   * Null when equal, else a description of the first difference: the file and the first differing
   * line.
   */
  public static String firstDifference(Map<String, String> expected, Map<String, String> actual) {
    for (String path : expected.keySet()) {
      if (!actual.containsKey(path)) {
        return path + ": expected but not generated";
      }
    }
    for (String path : actual.keySet()) {
      if (!expected.containsKey(path)) {
        return path + ": generated but not expected";
      }
      String e = expected.get(path);
      String a = actual.get(path);
      if (!e.equals(a)) {
        String[] el = e.split("\n", -1);
        String[] al = a.split("\n", -1);
        for (int i = 0; i < Math.max(el.length, al.length); i++) {
          String x = i < el.length ? el[i] : "<end of file>";
          String y = i < al.length ? al[i] : "<end of file>";
          if (!x.equals(y)) {
            return path + ":" + (i + 1) + ": expected\n  " + x + "\nbut generated\n  " + y;
          }
        }
      }
    }
    return null;
  }
}
