package dev.blueprint.cli;

import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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

  /**
   * A plan with changes to apply, only when asked for with {@code --detailed-exitcode} (like
   * Terraform's): 2 stays the wrong command line everywhere.
   */
  public static final int CHANGES = 3;

  private Cli() {}

  public static int run(String... args) {
    return create(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args)
        .execute(args);
  }

  /** A configured command line writing to the given streams; tests use it directly. */
  public static CommandLine create(PrintWriter out, PrintWriter err) {
    return configure(new CommandLine(new BlueprintCommand()), out, err);
  }

  /**
   * A configured command line for these arguments: when they start with a subcommand's name, the
   * top command with only that subcommand; for {@code --version} alone, the top command alone;
   * otherwise (top-level help, unknown commands and their suggestions) every command. Picocli
   * builds each command's model by reflection when the tree is made, which was most of the time a
   * short command took before it did any work; the parse, the output and the exit code are the same
   * as with the whole tree.
   */
  public static CommandLine create(PrintWriter out, PrintWriter err, String... args) {
    return configure(tree(args), out, err);
  }

  private static CommandLine tree(String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return new CommandLine(new BlueprintTop());
    }
    Class<?> subcommand = args.length == 0 ? null : subcommand(args[0]);
    if (subcommand == null) {
      return new CommandLine(new BlueprintCommand());
    }
    return new CommandLine(new BlueprintTop()).addSubcommand(subcommand);
  }

  /** The subcommand class of BlueprintCommand named (or aliased) {@code name}, or null. */
  private static Class<?> subcommand(String name) {
    for (Class<?> c : BlueprintCommand.class.getAnnotation(Command.class).subcommands()) {
      Command command = c.getAnnotation(Command.class);
      if (command != null
          && (command.name().equals(name) || Arrays.asList(command.aliases()).contains(name))) {
        return c;
      }
    }
    return null;
  }

  private static CommandLine configure(CommandLine cmd, PrintWriter out, PrintWriter err) {
    boolean verbose = false;
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
