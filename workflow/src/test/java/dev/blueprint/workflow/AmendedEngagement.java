package dev.blueprint.workflow;

import dev.blueprint.workflow.api.ChangeRequest;
import dev.blueprint.workflow.api.EngagementInput;
import dev.blueprint.workflow.api.EngagementStatus;
import dev.blueprint.workflow.api.Step;
import dev.blueprint.workflow.api.Tuning;
import dev.blueprint.workflow.runtime.Engagements;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the provisioning tests reach the provision step with an example's own stores: the engagement
 * starts from the example's requirements, the consultant amends revision 1 with the example's
 * hand-written blueprint (the advisor's proposal may not hold the stores under test), and revision
 * 2 is approved.
 */
final class AmendedEngagement {
  private AmendedEngagement() {}

  /**
   * Starts {@code slug} from {@code examples/slug/requirements.yaml} and approves its blueprint.
   */
  static void startAndApproveExampleBlueprint(Engagements engagements, String slug)
      throws Exception {
    Path dir = TestPorts.root().resolve("examples/" + slug);
    Path requirements = dir.resolve("requirements.yaml");
    engagements.start(
        EngagementInput.of(slug, requirements.toString(), Files.readString(requirements), false)
            .withTuning(new Tuning(60, 10, 3, 2_000)));
    awaitReviewOf(engagements, slug, 1);
    Path amended = dir.resolve("blueprint.yaml");
    engagements.requestChanges(
        slug,
        new ChangeRequest(amended.toString(), Files.readString(amended), "the example's stores"));
    awaitReviewOf(engagements, slug, 2);
    engagements.approve(slug, "ok");
  }

  static void awaitReviewOf(Engagements engagements, String slug, int revision)
      throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      EngagementStatus s = engagements.status(slug);
      if (s.step() == Step.HUMAN_REVIEW && s.revision() == revision) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("revision " + revision + " of " + slug + " never reached the review");
  }
}
