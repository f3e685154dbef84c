package dev.blueprint.core.generate;

import java.nio.file.Path;

/**
 * How to generate.
 *
 * @param airflowVersion 3 (default: airflow.sdk imports) or 2 (airflow.* imports)
 * @param strimziApiVersion kafka.strimzi.io/v1 (default) or kafka.strimzi.io/v1beta2
 * @param strimziCluster the value of the strimzi.io/cluster label
 * @param templatesDir a folder whose templates override the packaged ones file by file, or null
 * @param generatorVersion recorded in .blueprint/ so that a regeneration knows its origin
 */
public record GeneratorOptions(
    int airflowVersion,
    String strimziApiVersion,
    String strimziCluster,
    Path templatesDir,
    String generatorVersion) {

  public static final String STRIMZI_V1 = "kafka.strimzi.io/v1";
  public static final String STRIMZI_V1BETA2 = "kafka.strimzi.io/v1beta2";

  public GeneratorOptions {
    if (airflowVersion != 2 && airflowVersion != 3) {
      throw new IllegalArgumentException("Airflow version must be 2 or 3, not " + airflowVersion);
    }
    if (!STRIMZI_V1.equals(strimziApiVersion) && !STRIMZI_V1BETA2.equals(strimziApiVersion)) {
      throw new IllegalArgumentException(
          "Strimzi API version must be " + STRIMZI_V1 + " or " + STRIMZI_V1BETA2);
    }
  }

  /** Airflow 3, Strimzi v1, cluster "kafka", packaged templates. */
  public static GeneratorOptions defaults(String generatorVersion) {
    return new GeneratorOptions(3, STRIMZI_V1, "kafka", null, generatorVersion);
  }

  public GeneratorOptions withAirflowVersion(int version) {
    return new GeneratorOptions(
        version, strimziApiVersion, strimziCluster, templatesDir, generatorVersion);
  }

  public GeneratorOptions withStrimziApiVersion(String version) {
    return new GeneratorOptions(
        airflowVersion, version, strimziCluster, templatesDir, generatorVersion);
  }

  public GeneratorOptions withTemplatesDir(Path dir) {
    return new GeneratorOptions(
        airflowVersion, strimziApiVersion, strimziCluster, dir, generatorVersion);
  }
}
