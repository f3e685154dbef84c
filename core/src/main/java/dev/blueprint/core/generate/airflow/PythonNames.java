package dev.blueprint.core.generate.airflow;

import dev.blueprint.core.generate.Naming;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Unique Python identifiers for one generated module: task, group and asset variables derived from
 * blueprint ids, never clashing with each other, keywords, builtins or the module's own names.
 */
final class PythonNames {
  /** Python's keywords: never a module, package or variable name. */
  static final Set<String> KEYWORDS =
      Set.of(
          "False",
          "None",
          "True",
          "and",
          "as",
          "assert",
          "async",
          "await",
          "break",
          "class",
          "continue",
          "def",
          "del",
          "elif",
          "else",
          "except",
          "finally",
          "for",
          "from",
          "global",
          "if",
          "import",
          "in",
          "is",
          "lambda",
          "nonlocal",
          "not",
          "or",
          "pass",
          "raise",
          "return",
          "try",
          "while",
          "with",
          "yield");

  /** Keywords, soft keywords and builtins a generated variable must not shadow. */
  private static final Set<String> RESERVED =
      union(
          KEYWORDS,
          Set.of(
              "match",
              "case",
              "type",
              "print",
              "id",
              "list",
              "dict",
              "set",
              "str",
              "int",
              "len",
              "open",
              "object",
              "input",
              "dag",
              "DAG",
              "Asset",
              "Dataset",
              "TaskGroup",
              "BashOperator",
              "BashSensor",
              "EmptyOperator",
              "PythonOperator",
              "SQLExecuteQueryOperator",
              "SparkSubmitOperator",
              "REPO_ROOT",
              "os",
              "pendulum",
              "timedelta",
              "functools",
              "importlib",
              "airflow",
              "_call",
              "_fail_run"));

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private final Set<String> used = new HashSet<>();

  /** A fresh snake_case identifier for a task or group id. */
  String variable(String id) {
    return unique(identifier(id));
  }

  /** A fresh UPPER_CASE constant for an asset name. */
  String constant(String name) {
    return unique(identifier(name).toUpperCase(Locale.ROOT));
  }

  private String unique(String base) {
    String candidate = base;
    int n = 2;
    while (RESERVED.contains(candidate) || !used.add(candidate)) {
      candidate = base + "_" + n++;
    }
    return candidate;
  }

  static String identifier(String id) {
    String s = id == null ? "" : Naming.underscored(id);
    if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
      s = "t_" + s;
    }
    return s;
  }
}
