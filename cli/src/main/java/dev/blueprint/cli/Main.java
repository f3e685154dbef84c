package dev.blueprint.cli;

/** Entry point of the {@code blueprint} launcher. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.run(args));
  }
}
