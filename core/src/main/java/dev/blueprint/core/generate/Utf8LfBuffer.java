package dev.blueprint.core.generate;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A writer that encodes what a template writes straight into UTF-8 bytes with LF line ends: the
 * same bytes as {@code OutputTree.lf(text).getBytes(UTF_8)} of the whole text (CRLF and a lone CR
 * become LF; a surrogate without its other half becomes {@code ?}, as {@code getBytes} writes it),
 * however the text is split into writes.
 *
 * <p>It replaces a {@code StringWriter} per rendered file, whose synchronized buffer grew by
 * copying, was copied again into a {@code String}, scanned for CR and encoded into a fresh array.
 * One buffer per render thread is reused from file to file ({@link #reset}); not thread-safe.
 */
final class Utf8LfBuffer extends Writer {

  /** A buffer that grew beyond this (a 20 MB architecture page) is not kept for the next file. */
  private static final int KEPT_CAPACITY = 1 << 20;

  private static final int INITIAL_CAPACITY = 1 << 13;

  /** Strings at least this long are encoded by the JDK; shorter ones cost less in the loop. */
  private static final int BULK = 16;

  private byte[] bytes = new byte[INITIAL_CAPACITY];
  private int size;

  /** The last character was a CR, written as LF: an LF right after it is dropped. */
  private boolean afterCr;

  /** A high surrogate waiting for its low half, or 0. */
  private char high;

  @Override
  public void write(int c) {
    put((char) c);
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    // Jackson writes its buffer in chunks of a few thousand chars: copied once into a string, they
    // go through the one encoding loop below
    write(String.valueOf(chars, offset, length), 0, length);
  }

  @Override
  public void write(String s, int offset, int length) {
    if (length >= BULK
        && offset == 0
        && length == s.length()
        && high == 0
        && !(afterCr && s.charAt(0) == '\n')
        && !Character.isHighSurrogate(s.charAt(length - 1))
        && s.indexOf('\r') < 0) {
      // a whole string with no line end to change and no surrogate cut at either end: the JDK's
      // own encoder (vectorised for ASCII) makes the same bytes far faster than the loop below
      byte[] encoded = s.getBytes(StandardCharsets.UTF_8);
      ensure(encoded.length);
      System.arraycopy(encoded, 0, bytes, size, encoded.length);
      size += encoded.length;
      afterCr = false;
      return;
    }
    ensure(length);
    for (int i = offset, end = offset + length; i < end; i++) {
      char c = s.charAt(i);
      if (c < 0x80 && c != '\r' && c != '\n' && high == 0 && size < bytes.length) {
        bytes[size++] = (byte) c;
        afterCr = false;
      } else {
        put(c);
      }
    }
  }

  @Override
  public void write(String s) {
    write(s, 0, s.length());
  }

  @Override
  public Writer append(CharSequence cs) {
    String s = String.valueOf(cs);
    write(s, 0, s.length());
    return this;
  }

  private void put(char c) {
    ensure(4);
    if (high != 0) {
      char h = high;
      high = 0;
      if (Character.isLowSurrogate(c)) {
        int cp = Character.toCodePoint(h, c);
        bytes[size++] = (byte) (0xF0 | (cp >> 18));
        bytes[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        bytes[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        bytes[size++] = (byte) (0x80 | (cp & 0x3F));
        return;
      }
      bytes[size++] = '?';
    }
    if (c == '\n') {
      if (afterCr) {
        afterCr = false; // the LF of a CRLF, already written as the CR's LF
      } else {
        bytes[size++] = '\n';
      }
      return;
    }
    afterCr = c == '\r';
    if (c == '\r') {
      bytes[size++] = '\n';
    } else if (c < 0x80) {
      bytes[size++] = (byte) c;
    } else if (c < 0x800) {
      bytes[size++] = (byte) (0xC0 | (c >> 6));
      bytes[size++] = (byte) (0x80 | (c & 0x3F));
    } else if (Character.isHighSurrogate(c)) {
      high = c;
    } else if (Character.isLowSurrogate(c)) {
      bytes[size++] = '?';
    } else {
      bytes[size++] = (byte) (0xE0 | (c >> 12));
      bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      bytes[size++] = (byte) (0x80 | (c & 0x3F));
    }
  }

  private void ensure(int more) {
    if (bytes.length - size < more) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  /** Ends the text: a high surrogate still waiting for its other half is written as {@code ?}. */
  void finish() {
    if (high != 0) {
      high = 0;
      ensure(1);
      bytes[size++] = '?';
    }
  }

  /** The encoded bytes, valid up to {@link #size()} until the next write or reset. */
  byte[] bytes() {
    return bytes;
  }

  int size() {
    return size;
  }

  /** Empties the buffer for the next file, letting an unusually large one go. */
  void reset() {
    size = 0;
    afterCr = false;
    high = 0;
    if (bytes.length > KEPT_CAPACITY) {
      bytes = new byte[INITIAL_CAPACITY];
    }
  }

  @Override
  public void flush() {
    // the bytes are taken by the caller
  }

  @Override
  public void close() {
    // reused: see reset
  }
}
