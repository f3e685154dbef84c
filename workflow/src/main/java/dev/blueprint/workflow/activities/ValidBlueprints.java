package dev.blueprint.workflow.activities;

import dev.blueprint.core.load.LoadedBlueprint;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.ProblemException;
import dev.blueprint.core.problem.Severity;
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

  /**
   * Remembers that {@code file}, while it holds exactly {@code content}, is {@code blueprint}: the
   * advice step, which has just written the advisor's proposal as {@code content}, hands the object
   * to the review this way instead of the review parsing the file again (a fifth of an engagement's
   * CPU). Only a blueprint that passes the validation in memory is remembered, so that an invalid
   * proposal is still loaded from the file and reported with its lines. A file edited since (a
   * human's revision, anything) no longer matches {@code content} and is loaded and validated from
   * disk. The caller vouches that {@code content} reads back to {@code blueprint} (for the
   * advisor's YAML: ProposalReadsBackTest in core).
   *
   * @return whether it was remembered
   */
  boolean remember(Path file, byte[] content, Blueprint blueprint) {
    if (content.length > MAX_CACHED_BYTES) {
      return false;
    }
    String name = file.toString();
    boolean valid =
        Validator.validate(LoadedBlueprint.inMemory(blueprint, name)).stream()
            .noneMatch(p -> p.severity() == Severity.ERROR);
    if (valid) {
      synchronized (entries) {
        entries.put(name, new Entry(content.clone(), blueprint));
      }
    }
    return valid;
  }
}
