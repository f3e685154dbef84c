package dev.blueprint.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Says in words what a file-system failure was. Java's {@link FileSystemException}s often carry
 * only the path as their message ("/proc/.x.staging-1"), which tells a user where but not what.
 */
public final class IoMessages {
  private IoMessages() {}

  /** "FILE: what went wrong", or null when {@code t} is no file-system failure. */
  public static String describe(Throwable t) {
    if (!(t instanceof FileSystemException fse) || fse.getFile() == null) {
      return null;
    }
    String file = fse.getFile();
    String what;
    if (fse instanceof AccessDeniedException) {
      what = ": permission denied";
    } else if (fse instanceof NoSuchFileException) {
      what = ": no such file or folder";
    } else if (fse instanceof NotDirectoryException) {
      what = " is not a folder";
    } else if (fse instanceof DirectoryNotEmptyException) {
      what = " is not empty";
    } else if (fse instanceof FileAlreadyExistsException) {
      what =
          Files.isRegularFile(Path.of(file), LinkOption.NOFOLLOW_LINKS)
              ? " is a file, not a folder"
              : " already exists";
    } else if (fse.getReason() != null && !fse.getReason().isBlank()) {
      what = ": " + fse.getReason();
    } else {
      what = ": " + fse.getClass().getSimpleName();
    }
    return file + what + (fse.getOtherFile() == null ? "" : " (" + fse.getOtherFile() + ")");
  }
}
