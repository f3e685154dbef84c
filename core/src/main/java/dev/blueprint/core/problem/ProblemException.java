package dev.blueprint.core.problem;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when an input cannot be used; carries every problem found, not only the first. */
public class ProblemException extends Exception {
  private final transient List<Problem> problems;

  public ProblemException(List<Problem> problems) {
    super(problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public ProblemException(Problem problem) {
    this(List.of(problem));
  }

  public List<Problem> problems() {
    return problems;
  }
}
