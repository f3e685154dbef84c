package dev.blueprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link Cli} prints failures that are not problems in the input. */
class CliTest {

  static String print(Exception e) {
    StringWriter err = new StringWriter();
    picocli.CommandLine cmd = Cli.create(new PrintWriter(new StringWriter()), new PrintWriter(err));
    int exit = Cli.userError(e, cmd, false);
    assertEquals(Cli.FAILED, exit);
    return err.toString();
  }

  @Test
  void fileSystemFailuresSayWhatWentWrongNotJustWhere(@TempDir Path tmp) throws Exception {
    // NoSuchFileException's message is only the path: "blueprint: /proc/.x.staging-1" said nothing
    String missing = print(new java.io.UncheckedIOException(new NoSuchFileException("/proc/.x")));
    assertEquals(
        "blueprint: /proc/.x: no such file or folder\n"
            + "(run again with --verbose for the stack trace)\n",
        missing.replace(System.lineSeparator(), "\n"));
    assertEquals(
        "blueprint: /srv/out: permission denied",
        print(new AccessDeniedException("/srv/out")).lines().findFirst().orElseThrow());
    Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
    assertEquals(
        "blueprint: " + file + " is a file, not a folder",
        print(new FileAlreadyExistsException(file.toString())).lines().findFirst().orElseThrow());
    assertEquals(
        "blueprint: " + tmp + " already exists",
        print(new FileAlreadyExistsException(tmp.toString())).lines().findFirst().orElseThrow());
    assertEquals(
        "blueprint: /mnt/ro/x: Read-only file system",
        print(new FileSystemException("/mnt/ro/x", null, "Read-only file system"))
            .lines()
            .findFirst()
            .orElseThrow());
    assertFalse(print(new NoSuchFileException("/x")).contains("Exception"));
  }
}
