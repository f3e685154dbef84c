package dev.blueprint.workflow.activities;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The steps' loading and validation of a workspace file, remembered by file and exact content: an
 * engagement's steps read the same revision several times (review, generate, provision) and the
 * requirements twice (intake, advise), and each load parsed and validated it again. A file whose
 * bytes changed is loaded again; invalid files are never remembered (each load reports their
 * problems); large files are not kept. Thread-safe: activities run on several threads.
 */
final class ValidBlueprints {

  /** Files above this size are loaded every time rather than held. */
  static final int MAX_CACHED_BYTES = 1 << 20;

  private static final int ENTRIES = 64;

  private record Entry(byte[] content, Blueprint blueprint) {}

  private final Map<String, Entry> entries =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          return size() > ENTRIES;
        }
      };

  /** The valid blueprint in {@code file}; the problems, as {@link Validator#loadValid}, if not. */
  Blueprint load(Path file) throws ProblemException {
    String name = file.toString();
    byte[] bytes;
    try {
      if (Files.isDirectory(file) || Files.size(file) > MAX_CACHED_BYTES) {
        return Validator.loadValid(file).blueprint();
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return Validator.loadValid(file)
          .blueprint(); // reports e.g. a missing file as the loader does
    }
    synchronized (entries) {
      Entry hit = entries.get(name);
      if (hit != null && Arrays.equals(hit.content(), bytes)) {
        return hit.blueprint();
      }
    }
    Blueprint blueprint = Validator.loadValid(name, bytes).blueprint();
    synchronized (entries) {
      entries.put(name, new Entry(bytes, blueprint));
    }
    return blueprint;
  }
}
