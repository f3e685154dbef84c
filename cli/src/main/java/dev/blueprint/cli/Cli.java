package dev.blueprint.cli;

import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The one factory that wires the command line: exit codes, and error handling that prints a user's
 * mistake as a message (never a stack trace unless {@code --verbose}).
 */
public final class Cli {

  /** The input is valid, the work is done. */
  public static final int OK = 0;

  /** The input is invalid or the work failed. */
  public static final int FAILED = 1;

  /** The command line itself is wrong. */
  public static final int USAGE = 2;

  private Cli() {}

  public static int run(String... args) {
    return create(new PrintWriter(System.out, true), new PrintWriter(System.err, true))
        .execute(args);
  }

  /** A configured command line writing to the given streams; tests use it directly. */
  public static CommandLine create(PrintWriter out, PrintWriter err) {
    boolean verbose = false;
    CommandLine cmd = new CommandLine(new BlueprintCommand());
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExitCodeExceptionMapper(
        e -> e instanceof CommandLine.ParameterException ? USAGE : FAILED);
    cmd.setParameterExceptionHandler(Cli::usageError);
    cmd.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> userError(e, commandLine, verboseRequested(parseResult)));
    cmd.getCommandSpec().exitCodeOnUsageHelp(OK);
    cmd.getCommandSpec().exitCodeOnVersionHelp(OK);
    cmd.getCommandSpec().exitCodeOnInvalidInput(USAGE);
    cmd.getCommandSpec().exitCodeOnExecutionException(FAILED);
    return verbose ? cmd : cmd;
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getColorScheme().errorText("blueprint: " + e.getMessage()));
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    return USAGE;
  }

  private static boolean verboseRequested(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return Arrays.asList(parseResult.originalArgs().toArray(new String[0])).contains("--verbose");
  }

  /**
   * Prints an exception from a command as a user would want it: problems one per line, other
   * failures as one line naming the cause, the stack trace only with {@code --verbose}.
   */
  static int userError(Exception e, CommandLine commandLine, boolean verbose) {
    PrintWriter err = commandLine.getErr();
    if (e instanceof ProblemException pe) {
      for (Problem p : pe.problems()) {
        err.println(p.format());
      }
    } else if (e instanceof UserException ue) {
      err.println("blueprint: " + ue.getMessage());
      if (ue.exitCode() == USAGE) {
        err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
      }
    } else {
      err.println("blueprint: " + describe(e));
      if (!verbose) {
        err.println("(run again with --verbose for the stack trace)");
      }
    }
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return e instanceof UserException ue ? ue.exitCode() : FAILED;
  }

  private static String describe(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String io = IoMessages.describe(t);
    if (io != null) {
      return io;
    }
    String msg = t.getMessage();
    return (msg == null || msg.isBlank()) ? t.getClass().getSimpleName() : msg;
  }
}
