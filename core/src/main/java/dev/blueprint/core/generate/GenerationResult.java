package dev.blueprint.core.generate;

import java.nio.file.Path;
import java.util.List;

/** What a generation wrote: the target folder and the relative paths of its files, sorted. */
public record GenerationResult(Path target, List<String> files) {

  public GenerationResult {
    files = List.copyOf(files);
  }
}
