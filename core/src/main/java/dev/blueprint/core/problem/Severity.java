package dev.blueprint.core.problem;

/** How bad a problem is. Errors make a file invalid; warnings do not. */
public enum Severity {
  ERROR,
  WARNING
}
