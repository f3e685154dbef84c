package dev.blueprint.workflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Workflow code must be deterministic: no I/O, wall clock, randomness or threads outside
 * activities. This rule checks the workflow implementation package.
 */
class DeterminismTest {

  static ArchRule deterministic(String pkg) {
    return noClasses()
        .that()
        .resideInAPackage(pkg)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.util.concurrent..")
        .orShould()
        .dependOnClassesThat()
        .belongToAnyOf(
            Thread.class,
            ThreadLocal.class,
            Random.class,
            SecureRandom.class,
            Clock.class,
            Instant.class,
            LocalDate.class,
            LocalDateTime.class,
            ZonedDateTime.class)
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(System.class, "getenv", String.class)
        .orShould()
        .callMethod(Math.class, "random")
        .orShould()
        .callMethod(UUID.class, "randomUUID")
        .because("workflow code is replayed and must do the same thing every time");
  }

  @Test
  void workflowImplementationIsDeterministic() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.blueprint.workflow.impl");
    assertTrue(classes.size() > 0, "found the workflow classes");
    deterministic("dev.blueprint.workflow.impl..").check(classes);
  }

  @Test
  void theRuleCatchesEachKindOfViolation() {
    JavaClasses bad = new ClassFileImporter().importPackages("dev.blueprint.workflow.fixture");
    EvaluationResult result = deterministic("dev.blueprint.workflow.fixture..").evaluate(bad);
    String report = String.join("\n", result.getFailureReport().getDetails());
    for (String expected :
        new String[] {
          "currentTimeMillis", "java.util.Random", "java.nio.file", "Thread", "Instant"
        }) {
      assertTrue(report.contains(expected), expected + " not caught:\n" + report);
    }
  }
}
