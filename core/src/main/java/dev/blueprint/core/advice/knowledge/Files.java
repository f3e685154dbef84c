package dev.blueprint.core.advice.knowledge;

import java.util.List;
import java.util.Map;

/** The shapes of knowledge files, bound strictly. */
final class Files {
  private Files() {}

  record Index(List<String> files) {}

  record Thresholds(List<Threshold> thresholds) {}

  record Sources(
      List<String> consolidationKeywords,
      Map<String, List<String>> accessKeywords,
      List<SourceTemplate> sources) {}

  record Smart(List<String> vagueWords, Map<String, String> rewrites, String source) {}
}
