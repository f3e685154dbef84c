package dev.blueprint.workflow.activities;

import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.ProblemException;
import java.io.IOException;
import java.nio.file.Path;

/** Proposes an architecture for requirements and writes the report and decision records. */
@FunctionalInterface
public interface AdvicePort {

  /** The proposal's file name inside the advice folder. */
  String PROPOSAL = "blueprint.yaml";

  /**
   * Writes the proposed blueprint ({@value #PROPOSAL}), the report and the decision records.
   *
   * @param requirements the validated requirements document
   * @param adviceDir an empty folder to write into
   * @return the proposal written to {@value #PROPOSAL}, the object it reads back to (the advice
   *     step hands it to the review instead of parsing the file again, see ValidBlueprints), or
   *     null when the advisor cannot vouch for that
   */
  Blueprint advise(Blueprint requirements, Path adviceDir) throws IOException, ProblemException;
}
